using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Deliberation.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MinutesConfirmation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "minutes_drafts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    community_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    meeting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: true),
                    markdown = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    opened_at = table.Column<long>(type: "bigint", nullable: false),
                    closes_at = table.Column<long>(type: "bigint", nullable: false),
                    sealed_at = table.Column<long>(type: "bigint", nullable: true),
                    sealed_because = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    pdf_path = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    pdf_sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    pdf_length = table.Column<long>(type: "bigint", nullable: true),
                    verification_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_minutes_drafts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "minutes_objections",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    draft_id = table.Column<Guid>(type: "uuid", nullable: false),
                    community_id = table.Column<Guid>(type: "uuid", nullable: false),
                    task_id = table.Column<Guid>(type: "uuid", nullable: false),
                    answer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    section_number = table.Column<int>(type: "integer", nullable: false),
                    section = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    raised_at = table.Column<long>(type: "bigint", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    response = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    resolved_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    resolved_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    resolved_at = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_minutes_objections", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "minutes_revisions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    draft_id = table.Column<Guid>(type: "uuid", nullable: false),
                    community_id = table.Column<Guid>(type: "uuid", nullable: false),
                    section_number = table.Column<int>(type: "integer", nullable: false),
                    section = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    before = table.Column<string>(type: "text", nullable: false),
                    after = table.Column<string>(type: "text", nullable: false),
                    objection_id = table.Column<Guid>(type: "uuid", nullable: true),
                    by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    at = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_minutes_revisions", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_minutes_drafts_case_id",
                table: "minutes_drafts",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "IX_minutes_drafts_meeting_id",
                table: "minutes_drafts",
                column: "meeting_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_minutes_drafts_verification_code",
                table: "minutes_drafts",
                column: "verification_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_minutes_objections_answer_id",
                table: "minutes_objections",
                column: "answer_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_minutes_objections_draft_id",
                table: "minutes_objections",
                column: "draft_id");

            migrationBuilder.CreateIndex(
                name: "IX_minutes_revisions_draft_id",
                table: "minutes_revisions",
                column: "draft_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "minutes_drafts");

            migrationBuilder.DropTable(
                name: "minutes_objections");

            migrationBuilder.DropTable(
                name: "minutes_revisions");
        }
    }
}
