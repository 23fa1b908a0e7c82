using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Deliberation.Persistence.Migrations.Postgres
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
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    need_id = table.Column<Guid>(type: "uuid", nullable: false),
                    community_id = table.Column<Guid>(type: "uuid", nullable: false),
                    task_id = table.Column<Guid>(type: "uuid", nullable: false),
                    purpose = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_need_tasks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "needs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    community_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    complaint_id = table.Column<Guid>(type: "uuid", nullable: true),
                    requester_person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    claimant_organisation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    claimant_person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    claimant_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    due_at = table.Column<long>(type: "bigint", nullable: true),
                    percent = table.Column<int>(type: "integer", nullable: false),
                    progress_note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    progress_photo_id = table.Column<Guid>(type: "uuid", nullable: true),
                    progress_at = table.Column<long>(type: "bigint", nullable: true),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: true),
                    published_at = table.Column<long>(type: "bigint", nullable: true),
                    claim_closes_at = table.Column<long>(type: "bigint", nullable: true),
                    claimed_at = table.Column<long>(type: "bigint", nullable: true),
                    done_at = table.Column<long>(type: "bigint", nullable: true),
                    confirmation_at = table.Column<long>(type: "bigint", nullable: true),
                    satisfied = table.Column<bool>(type: "boolean", nullable: true),
                    confirmation_comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    closed_at = table.Column<long>(type: "bigint", nullable: true),
                    created_at = table.Column<long>(type: "bigint", nullable: false),
                    updated_at = table.Column<long>(type: "bigint", nullable: false)
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
