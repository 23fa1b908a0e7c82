using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Deliberation.Persistence.Migrations.Sqlite
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
                    id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    community_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    zh = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    en = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    definition_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    advisors = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    rules_template = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
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
