using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Deliberation.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Elections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "affected_groups",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    community_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    source_id = table.Column<Guid>(type: "uuid", nullable: true),
                    mode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    household_count = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_affected_groups", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "affected_households",
                columns: table => new
                {
                    group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    household_id = table.Column<Guid>(type: "uuid", nullable: false),
                    building_group_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_affected_households", x => new { x.group_id, x.household_id });
                });

            migrationBuilder.CreateTable(
                name: "deliberation_cases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    community_id = table.Column<Guid>(type: "uuid", nullable: false),
                    complaint_id = table.Column<Guid>(type: "uuid", nullable: true),
                    case_number = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    advisors_may_vote = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deliberation_cases", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "election_ballots",
                columns: table => new
                {
                    task_id = table.Column<Guid>(type: "uuid", nullable: false),
                    election_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    household_id = table.Column<Guid>(type: "uuid", nullable: true),
                    emailed = table.Column<bool>(type: "boolean", nullable: false),
                    reminded_at = table.Column<long>(type: "bigint", nullable: true),
                    reminder_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_election_ballots", x => x.task_id);
                });

            migrationBuilder.CreateTable(
                name: "election_candidates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    election_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    nominated_by_person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    nomination_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    nominated_at = table.Column<long>(type: "bigint", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    votes = table.Column<int>(type: "integer", nullable: true),
                    rank = table.Column<int>(type: "integer", nullable: true),
                    elected = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_election_candidates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "elections",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    community_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    layer = table.Column<int>(type: "integer", nullable: false),
                    building_group_id = table.Column<Guid>(type: "uuid", nullable: true),
                    elects_representatives = table.Column<bool>(type: "boolean", nullable: false),
                    seats = table.Column<int>(type: "integer", nullable: false),
                    counting_method = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    tie_rule = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    nominations_open_at = table.Column<long>(type: "bigint", nullable: false),
                    nominations_close_at = table.Column<long>(type: "bigint", nullable: false),
                    ballot_closes_at = table.Column<long>(type: "bigint", nullable: false),
                    reminder_before = table.Column<long>(type: "bigint", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ballots_opened_at = table.Column<long>(type: "bigint", nullable: true),
                    ballots_issued = table.Column<int>(type: "integer", nullable: false),
                    ballots_cast = table.Column<int>(type: "integer", nullable: false),
                    counted_at = table.Column<long>(type: "bigint", nullable: true),
                    lots_seed = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    tie_decision_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    tie_decided_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    tie_decided_at = table.Column<long>(type: "bigint", nullable: true),
                    created_at = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_elections", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "panel_members",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    community_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    party_kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    votes = table.Column<bool>(type: "boolean", nullable: false),
                    source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: true),
                    election_id = table.Column<Guid>(type: "uuid", nullable: true),
                    joined_at = table.Column<long>(type: "bigint", nullable: false),
                    left_at = table.Column<long>(type: "bigint", nullable: true),
                    left_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    replaced_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    replaces_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_panel_members", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_affected_groups_case_id",
                table: "affected_groups",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "IX_affected_households_group_id_building_group_id",
                table: "affected_households",
                columns: new[] { "group_id", "building_group_id" });

            migrationBuilder.CreateIndex(
                name: "IX_deliberation_cases_community_id_created_at",
                table: "deliberation_cases",
                columns: new[] { "community_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_deliberation_cases_complaint_id",
                table: "deliberation_cases",
                column: "complaint_id");

            migrationBuilder.CreateIndex(
                name: "IX_election_ballots_election_id_person_id",
                table: "election_ballots",
                columns: new[] { "election_id", "person_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_election_candidates_election_id_person_id",
                table: "election_candidates",
                columns: new[] { "election_id", "person_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_elections_case_id",
                table: "elections",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "IX_elections_group_id_layer",
                table: "elections",
                columns: new[] { "group_id", "layer" });

            migrationBuilder.CreateIndex(
                name: "IX_panel_members_case_id",
                table: "panel_members",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "IX_panel_members_election_id",
                table: "panel_members",
                column: "election_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "affected_groups");

            migrationBuilder.DropTable(
                name: "affected_households");

            migrationBuilder.DropTable(
                name: "deliberation_cases");

            migrationBuilder.DropTable(
                name: "election_ballots");

            migrationBuilder.DropTable(
                name: "election_candidates");

            migrationBuilder.DropTable(
                name: "elections");

            migrationBuilder.DropTable(
                name: "panel_members");
        }
    }
}
