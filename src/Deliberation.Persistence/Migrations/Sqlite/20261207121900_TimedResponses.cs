using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Deliberation.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TimedResponses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "timed_response_tasks",
                columns: table => new
                {
                    task_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    response_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    level = table.Column<int>(type: "INTEGER", nullable: false),
                    person_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    due_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_timed_response_tasks", x => x.task_id);
                });

            migrationBuilder.CreateTable(
                name: "timed_responses",
                columns: table => new
                {
                    id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    community_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    instance_id = table.Column<byte[]>(type: "BLOB", nullable: true),
                    case_id = table.Column<byte[]>(type: "BLOB", nullable: true),
                    complaint_id = table.Column<byte[]>(type: "BLOB", nullable: true),
                    subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    deadline_class = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    deadline_minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    reported_at = table.Column<long>(type: "INTEGER", nullable: false),
                    ladder = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    level = table.Column<int>(type: "INTEGER", nullable: false),
                    due_at = table.Column<long>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    handled_at = table.Column<long>(type: "INTEGER", nullable: true),
                    handled_level = table.Column<int>(type: "INTEGER", nullable: true),
                    handled_by_person_id = table.Column<byte[]>(type: "BLOB", nullable: true),
                    handled_task_id = table.Column<byte[]>(type: "BLOB", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_timed_responses", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_timed_response_tasks_response_id_level",
                table: "timed_response_tasks",
                columns: new[] { "response_id", "level" });

            migrationBuilder.CreateIndex(
                name: "IX_timed_responses_community_id_reported_at",
                table: "timed_responses",
                columns: new[] { "community_id", "reported_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "timed_response_tasks");

            migrationBuilder.DropTable(
                name: "timed_responses");
        }
    }
}
