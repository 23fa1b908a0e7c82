using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Deliberation.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HouseholdAddressWithEntrance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_households_building_group_id_unit",
                table: "households");

            migrationBuilder.CreateIndex(
                name: "IX_households_building_group_id_entrance_unit",
                table: "households",
                columns: new[] { "building_group_id", "entrance", "unit" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_households_building_group_id_entrance_unit",
                table: "households");

            migrationBuilder.CreateIndex(
                name: "IX_households_building_group_id_unit",
                table: "households",
                columns: new[] { "building_group_id", "unit" },
                unique: true);
        }
    }
}
