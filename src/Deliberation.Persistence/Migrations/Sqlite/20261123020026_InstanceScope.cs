using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Deliberation.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InstanceScope : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "scope_id",
                table: "instances",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_instances_scope_id_status",
                table: "instances",
                columns: new[] { "scope_id", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_instances_scope_id_status",
                table: "instances");

            migrationBuilder.DropColumn(
                name: "scope_id",
                table: "instances");
        }
    }
}
