using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Deliberation.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Implementation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "action_item_assignments",
                columns: table => new
                {
                    action_item_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    community_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    task_id = table.Column<byte[]>(type: "BLOB", nullable: true),
                    instance_id = table.Column<byte[]>(type: "BLOB", nullable: true),
                    assigned_at = table.Column<long>(type: "INTEGER", nullable: false),
                    emailed = table.Column<bool>(type: "INTEGER", nullable: false),
                    reminder_at = table.Column<long>(type: "INTEGER", nullable: true),
                    reminded_at = table.Column<long>(type: "INTEGER", nullable: true),
                    escalated_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_action_item_assignments", x => x.action_item_id);
                });

            migrationBuilder.CreateTable(
                name: "action_item_progress",
                columns: table => new
                {
                    id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    action_item_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    community_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    percent = table.Column<int>(type: "INTEGER", nullable: false),
                    done = table.Column<bool>(type: "INTEGER", nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    photo_id = table.Column<byte[]>(type: "BLOB", nullable: true),
                    photo_content_type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    task_answer_id = table.Column<byte[]>(type: "BLOB", nullable: true),
                    entered_by_user_id = table.Column<byte[]>(type: "BLOB", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_action_item_progress", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "action_items",
                columns: table => new
                {
                    id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    community_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    case_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    meeting_id = table.Column<byte[]>(type: "BLOB", nullable: true),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    responsible_party = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    person_id = table.Column<byte[]>(type: "BLOB", nullable: true),
                    due_at = table.Column<long>(type: "INTEGER", nullable: false),
                    budget = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    funding_source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    percent = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    done_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_action_items", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "escalations",
                columns: table => new
                {
                    id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    community_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    case_id = table.Column<byte[]>(type: "BLOB", nullable: true),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    related_id = table.Column<byte[]>(type: "BLOB", nullable: true),
                    instance_id = table.Column<byte[]>(type: "BLOB", nullable: true),
                    subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    raised_at = table.Column<long>(type: "INTEGER", nullable: false),
                    notified = table.Column<int>(type: "INTEGER", nullable: false),
                    acknowledged_at = table.Column<long>(type: "INTEGER", nullable: true),
                    acknowledged_by_user_id = table.Column<byte[]>(type: "BLOB", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_escalations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "follow_up_requests",
                columns: table => new
                {
                    task_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    community_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    case_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    person_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    group_id = table.Column<byte[]>(type: "BLOB", nullable: true),
                    asked_at = table.Column<long>(type: "INTEGER", nullable: false),
                    emailed = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_follow_up_requests", x => x.task_id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_action_item_assignments_task_id",
                table: "action_item_assignments",
                column: "task_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_action_item_progress_action_item_id_at",
                table: "action_item_progress",
                columns: new[] { "action_item_id", "at" });

            migrationBuilder.CreateIndex(
                name: "IX_action_items_case_id",
                table: "action_items",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "IX_action_items_community_id_status",
                table: "action_items",
                columns: new[] { "community_id", "status" });

            migrationBuilder.CreateIndex(
                name: "IX_action_items_meeting_id",
                table: "action_items",
                column: "meeting_id");

            migrationBuilder.CreateIndex(
                name: "IX_escalations_case_id",
                table: "escalations",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "IX_escalations_community_id_acknowledged_at_raised_at",
                table: "escalations",
                columns: new[] { "community_id", "acknowledged_at", "raised_at" });

            migrationBuilder.CreateIndex(
                name: "IX_escalations_kind_related_id",
                table: "escalations",
                columns: new[] { "kind", "related_id" });

            migrationBuilder.CreateIndex(
                name: "IX_follow_up_requests_case_id_person_id",
                table: "follow_up_requests",
                columns: new[] { "case_id", "person_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "action_item_assignments");

            migrationBuilder.DropTable(
                name: "action_item_progress");

            migrationBuilder.DropTable(
                name: "action_items");

            migrationBuilder.DropTable(
                name: "escalations");

            migrationBuilder.DropTable(
                name: "follow_up_requests");
        }
    }
}
