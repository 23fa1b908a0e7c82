using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Deliberation.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Needs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "need_tasks",
                columns: table => new
                {
                    id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    need_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    community_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    task_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    purpose = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    person_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    organisation_id = table.Column<byte[]>(type: "BLOB", nullable: true),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_need_tasks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "needs",
                columns: table => new
                {
                    id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    community_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    complaint_id = table.Column<byte[]>(type: "BLOB", nullable: true),
                    requester_person_id = table.Column<byte[]>(type: "BLOB", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    claimant_organisation_id = table.Column<byte[]>(type: "BLOB", nullable: true),
                    claimant_person_id = table.Column<byte[]>(type: "BLOB", nullable: true),
                    claimant_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    due_at = table.Column<long>(type: "INTEGER", nullable: true),
                    percent = table.Column<int>(type: "INTEGER", nullable: false),
                    progress_note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    progress_photo_id = table.Column<byte[]>(type: "BLOB", nullable: true),
                    progress_at = table.Column<long>(type: "INTEGER", nullable: true),
                    instance_id = table.Column<byte[]>(type: "BLOB", nullable: true),
                    published_at = table.Column<long>(type: "INTEGER", nullable: true),
                    claim_closes_at = table.Column<long>(type: "INTEGER", nullable: true),
                    claimed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    done_at = table.Column<long>(type: "INTEGER", nullable: true),
                    confirmation_at = table.Column<long>(type: "INTEGER", nullable: true),
                    satisfied = table.Column<bool>(type: "INTEGER", nullable: true),
                    confirmation_comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    closed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_needs", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_need_tasks_need_id",
                table: "need_tasks",
                column: "need_id");

            migrationBuilder.CreateIndex(
                name: "IX_need_tasks_task_id",
                table: "need_tasks",
                column: "task_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_needs_community_id_status",
                table: "needs",
                columns: new[] { "community_id", "status" });

            migrationBuilder.CreateIndex(
                name: "IX_needs_complaint_id",
                table: "needs",
                column: "complaint_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "need_tasks");

            migrationBuilder.DropTable(
                name: "needs");
        }
    }
}
