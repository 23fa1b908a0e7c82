using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Deliberation.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ActionItemOrganisation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "organisation_id",
                table: "action_items",
                type: "BLOB",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_action_items_organisation_id",
                table: "action_items",
                column: "organisation_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_action_items_organisation_id",
                table: "action_items");

            migrationBuilder.DropColumn(
                name: "organisation_id",
                table: "action_items");
        }
    }
}
