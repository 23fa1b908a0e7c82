using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Deliberation.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CommunityCatalogue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "community_matters",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    community_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    zh = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    en = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    definition_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    advisors = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    rules_template = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    updated_at = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_matters", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_community_matters_community_id_code",
                table: "community_matters",
                columns: new[] { "community_id", "code" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "community_matters");
        }
    }
}
