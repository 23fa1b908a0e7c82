using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Deliberation.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WallNoticesAndPaperAnswers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "photo_content_type",
                table: "task_answers",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "photo_sha256",
                table: "task_answers",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "posted_notices",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    community_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    case_number = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    public_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    posted_at = table.Column<long>(type: "bigint", nullable: false),
                    comments_close_at = table.Column<long>(type: "bigint", nullable: true),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_posted_notices", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "notice_comments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    notice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    community_id = table.Column<Guid>(type: "uuid", nullable: false),
                    is_objection = table.Column<bool>(type: "boolean", nullable: false),
                    text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    phone = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    posted_at = table.Column<long>(type: "bigint", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    response = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    moderated_at = table.Column<long>(type: "bigint", nullable: true),
                    moderated_by_user_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notice_comments", x => x.id);
                    table.ForeignKey(
                        name: "FK_notice_comments_posted_notices_notice_id",
                        column: x => x.notice_id,
                        principalTable: "posted_notices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_notice_comments_community_id_status",
                table: "notice_comments",
                columns: new[] { "community_id", "status" });

            migrationBuilder.CreateIndex(
                name: "IX_notice_comments_notice_id_posted_at",
                table: "notice_comments",
                columns: new[] { "notice_id", "posted_at" });

            migrationBuilder.CreateIndex(
                name: "IX_posted_notices_community_id_case_number_posted_at",
                table: "posted_notices",
                columns: new[] { "community_id", "case_number", "posted_at" });

            migrationBuilder.CreateIndex(
                name: "IX_posted_notices_public_code",
                table: "posted_notices",
                column: "public_code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "notice_comments");

            migrationBuilder.DropTable(
                name: "posted_notices");

            migrationBuilder.DropColumn(
                name: "photo_content_type",
                table: "task_answers");

            migrationBuilder.DropColumn(
                name: "photo_sha256",
                table: "task_answers");
        }
    }
}
