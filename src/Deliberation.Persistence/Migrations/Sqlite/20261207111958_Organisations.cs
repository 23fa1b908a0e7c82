using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Deliberation.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Organisations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "organisation_id",
                table: "panel_members",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "organisation_name",
                table: "panel_members",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "organisation_contacts",
                columns: table => new
                {
                    id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    organisation_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    person_id = table.Column<byte[]>(type: "BLOB", nullable: true),
                    is_representative = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organisation_contacts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "organisations",
                columns: table => new
                {
                    id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    community_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    notes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organisations", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_panel_members_organisation_id",
                table: "panel_members",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "IX_organisation_contacts_organisation_id",
                table: "organisation_contacts",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "IX_organisation_contacts_person_id",
                table: "organisation_contacts",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "IX_organisations_community_id_name",
                table: "organisations",
                columns: new[] { "community_id", "name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "organisation_contacts");

            migrationBuilder.DropTable(
                name: "organisations");

            migrationBuilder.DropIndex(
                name: "IX_panel_members_organisation_id",
                table: "panel_members");

            migrationBuilder.DropColumn(
                name: "organisation_id",
                table: "panel_members");

            migrationBuilder.DropColumn(
                name: "organisation_name",
                table: "panel_members");
        }
    }
}
