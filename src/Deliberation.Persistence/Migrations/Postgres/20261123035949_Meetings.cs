using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Deliberation.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Meetings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "closed_at",
                table: "deliberation_cases",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "rules",
                table: "deliberation_cases",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "meeting_attendance",
                columns: table => new
                {
                    meeting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    present = table.Column<bool>(type: "boolean", nullable: false),
                    recorded_at = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meeting_attendance", x => new { x.meeting_id, x.person_id });
                });

            migrationBuilder.CreateTable(
                name: "meeting_points",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    meeting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    recorded_at = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meeting_points", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "meeting_resolutions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    meeting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    recorded_at = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meeting_resolutions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "meeting_votes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    meeting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    proposal_id = table.Column<Guid>(type: "uuid", nullable: true),
                    question = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    rules = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    opened_at = table.Column<long>(type: "bigint", nullable: false),
                    closed_at = table.Column<long>(type: "bigint", nullable: true),
                    passed = table.Column<bool>(type: "boolean", nullable: true),
                    result = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meeting_votes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "meetings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    community_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: true),
                    round = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    agenda = table.Column<string>(type: "text", nullable: false),
                    chair = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    recorder = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    slots = table.Column<string>(type: "text", nullable: false),
                    poll_closes_at = table.Column<long>(type: "bigint", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    starts_at = table.Column<long>(type: "bigint", nullable: true),
                    ends_at = table.Column<long>(type: "bigint", nullable: true),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<long>(type: "bigint", nullable: false),
                    closed_at = table.Column<long>(type: "bigint", nullable: true),
                    cancel_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meetings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "minutes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    community_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    meeting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    culture = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    markdown_path = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    markdown_sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    docx_path = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    docx_sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    filed_at = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_minutes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "proposals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    meeting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    task_id = table.Column<Guid>(type: "uuid", nullable: true),
                    submitted_at = table.Column<long>(type: "bigint", nullable: false),
                    discussed = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_proposals", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "vote_ballots",
                columns: table => new
                {
                    vote_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    choice = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    recorded_at = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vote_ballots", x => new { x.vote_id, x.person_id });
                });

            migrationBuilder.CreateIndex(
                name: "IX_meeting_points_meeting_id",
                table: "meeting_points",
                column: "meeting_id");

            migrationBuilder.CreateIndex(
                name: "IX_meeting_resolutions_meeting_id",
                table: "meeting_resolutions",
                column: "meeting_id");

            migrationBuilder.CreateIndex(
                name: "IX_meeting_votes_case_id",
                table: "meeting_votes",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "IX_meeting_votes_meeting_id",
                table: "meeting_votes",
                column: "meeting_id");

            migrationBuilder.CreateIndex(
                name: "IX_meetings_case_id_round",
                table: "meetings",
                columns: new[] { "case_id", "round" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_meetings_community_id_status",
                table: "meetings",
                columns: new[] { "community_id", "status" });

            migrationBuilder.CreateIndex(
                name: "IX_minutes_case_id",
                table: "minutes",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "IX_minutes_meeting_id_culture",
                table: "minutes",
                columns: new[] { "meeting_id", "culture" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_proposals_meeting_id",
                table: "proposals",
                column: "meeting_id");

            migrationBuilder.CreateIndex(
                name: "IX_proposals_task_id",
                table: "proposals",
                column: "task_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "meeting_attendance");

            migrationBuilder.DropTable(
                name: "meeting_points");

            migrationBuilder.DropTable(
                name: "meeting_resolutions");

            migrationBuilder.DropTable(
                name: "meeting_votes");

            migrationBuilder.DropTable(
                name: "meetings");

            migrationBuilder.DropTable(
                name: "minutes");

            migrationBuilder.DropTable(
                name: "proposals");

            migrationBuilder.DropTable(
                name: "vote_ballots");

            migrationBuilder.DropColumn(
                name: "closed_at",
                table: "deliberation_cases");

            migrationBuilder.DropColumn(
                name: "rules",
                table: "deliberation_cases");
        }
    }
}
