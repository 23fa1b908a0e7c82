using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Deliberation.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FundingSharesElderlyShare : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "elderly_percent",
                table: "complaints",
                type: "TEXT",
                precision: 5,
                scale: 2,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "action_item_funding",
                columns: table => new
                {
                    id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    community_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    action_item_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    detail = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    amount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_action_item_funding", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_action_item_funding_action_item_id_position",
                table: "action_item_funding",
                columns: new[] { "action_item_id", "position" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "action_item_funding");

            migrationBuilder.DropColumn(
                name: "elderly_percent",
                table: "complaints");
        }
    }
}
