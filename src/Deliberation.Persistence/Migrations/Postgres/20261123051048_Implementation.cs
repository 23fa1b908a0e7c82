using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Deliberation.Persistence.Migrations.Postgres
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
                    action_item_id = table.Column<Guid>(type: "uuid", nullable: false),
                    community_id = table.Column<Guid>(type: "uuid", nullable: false),
                    task_id = table.Column<Guid>(type: "uuid", nullable: true),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: true),
                    assigned_at = table.Column<long>(type: "bigint", nullable: false),
                    emailed = table.Column<bool>(type: "boolean", nullable: false),
                    reminder_at = table.Column<long>(type: "bigint", nullable: true),
                    reminded_at = table.Column<long>(type: "bigint", nullable: true),
                    escalated_at = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_action_item_assignments", x => x.action_item_id);
                });

            migrationBuilder.CreateTable(
                name: "action_item_progress",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    action_item_id = table.Column<Guid>(type: "uuid", nullable: false),
                    community_id = table.Column<Guid>(type: "uuid", nullable: false),
                    percent = table.Column<int>(type: "integer", nullable: false),
                    done = table.Column<bool>(type: "boolean", nullable: false),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    photo_id = table.Column<Guid>(type: "uuid", nullable: true),
                    photo_content_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    at = table.Column<long>(type: "bigint", nullable: false),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    task_answer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    entered_by_user_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_action_item_progress", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "action_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    community_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    meeting_id = table.Column<Guid>(type: "uuid", nullable: true),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    responsible_party = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    due_at = table.Column<long>(type: "bigint", nullable: false),
                    budget = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    funding_source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    percent = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    created_at = table.Column<long>(type: "bigint", nullable: false),
                    done_at = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_action_items", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "escalations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    community_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: true),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    related_id = table.Column<Guid>(type: "uuid", nullable: true),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: true),
                    subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    raised_at = table.Column<long>(type: "bigint", nullable: false),
                    notified = table.Column<int>(type: "integer", nullable: false),
                    acknowledged_at = table.Column<long>(type: "bigint", nullable: true),
                    acknowledged_by_user_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_escalations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "follow_up_requests",
                columns: table => new
                {
                    task_id = table.Column<Guid>(type: "uuid", nullable: false),
                    community_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: true),
                    asked_at = table.Column<long>(type: "bigint", nullable: false),
                    emailed = table.Column<bool>(type: "boolean", nullable: false)
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
