using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Deliberation.Persistence.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "photo_sha256",
                table: "task_answers",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "posted_notices",
                columns: table => new
                {
                    id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    community_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    case_number = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    public_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    posted_at = table.Column<long>(type: "INTEGER", nullable: false),
                    comments_close_at = table.Column<long>(type: "INTEGER", nullable: true),
                    instance_id = table.Column<byte[]>(type: "BLOB", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_posted_notices", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "notice_comments",
                columns: table => new
                {
                    id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    notice_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    community_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    is_objection = table.Column<bool>(type: "INTEGER", nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    phone = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    posted_at = table.Column<long>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    response = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    moderated_at = table.Column<long>(type: "INTEGER", nullable: true),
                    moderated_by_user_id = table.Column<byte[]>(type: "BLOB", nullable: true)
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
