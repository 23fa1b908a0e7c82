using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Deliberation.Persistence.Migrations.Postgres
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
                type: "numeric(5,2)",
                precision: 5,
                scale: 2,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "action_item_funding",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    community_id = table.Column<Guid>(type: "uuid", nullable: false),
                    action_item_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    detail = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false)
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
