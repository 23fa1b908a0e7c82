using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Deliberation.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CompoundsEntrancesStakeholderModes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_building_groups_community_id_name",
                table: "building_groups");

            migrationBuilder.AddColumn<string>(
                name: "entrance",
                table: "households",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "entrance",
                table: "elections",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "stakeholder_mode",
                table: "deliberation_cases",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "elected");

            migrationBuilder.AddColumn<string>(
                name: "compound",
                table: "building_groups",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "entrance",
                table: "affected_households",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_building_groups_community_id_compound_name",
                table: "building_groups",
                columns: new[] { "community_id", "compound", "name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_building_groups_community_id_compound_name",
                table: "building_groups");

            migrationBuilder.DropColumn(
                name: "entrance",
                table: "households");

            migrationBuilder.DropColumn(
                name: "entrance",
                table: "elections");

            migrationBuilder.DropColumn(
                name: "stakeholder_mode",
                table: "deliberation_cases");

            migrationBuilder.DropColumn(
                name: "compound",
                table: "building_groups");

            migrationBuilder.DropColumn(
                name: "entrance",
                table: "affected_households");

            migrationBuilder.CreateIndex(
                name: "IX_building_groups_community_id_name",
                table: "building_groups",
                columns: new[] { "community_id", "name" },
                unique: true);
        }
    }
}
