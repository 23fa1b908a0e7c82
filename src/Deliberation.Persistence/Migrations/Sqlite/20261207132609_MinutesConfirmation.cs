using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Deliberation.Persistence.Migrations.Sqlite
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
                    id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    community_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    case_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    meeting_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    instance_id = table.Column<byte[]>(type: "BLOB", nullable: true),
                    markdown = table.Column<string>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    opened_at = table.Column<long>(type: "INTEGER", nullable: false),
                    closes_at = table.Column<long>(type: "INTEGER", nullable: false),
                    sealed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    sealed_because = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    pdf_path = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    pdf_sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    pdf_length = table.Column<long>(type: "INTEGER", nullable: true),
                    verification_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_minutes_drafts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "minutes_objections",
                columns: table => new
                {
                    id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    draft_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    community_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    task_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    answer_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    person_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    section_number = table.Column<int>(type: "INTEGER", nullable: false),
                    section = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    raised_at = table.Column<long>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    response = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    resolved_by_user_id = table.Column<byte[]>(type: "BLOB", nullable: true),
                    resolved_by_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    resolved_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_minutes_objections", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "minutes_revisions",
                columns: table => new
                {
                    id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    draft_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    community_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    section_number = table.Column<int>(type: "INTEGER", nullable: false),
                    section = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    before = table.Column<string>(type: "TEXT", nullable: false),
                    after = table.Column<string>(type: "TEXT", nullable: false),
                    objection_id = table.Column<byte[]>(type: "BLOB", nullable: true),
                    by_user_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    by_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false)
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
