using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Deliberation.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Complaints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "complaint_events",
                columns: table => new
                {
                    id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    complaint_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    other_complaint_id = table.Column<byte[]>(type: "BLOB", nullable: true),
                    user_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_complaint_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "complaint_photos",
                columns: table => new
                {
                    id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    complaint_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    length = table.Column<long>(type: "INTEGER", nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    added_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_complaint_photos", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "complaint_reporters",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    complaint_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    person_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    from_complaint_id = table.Column<byte[]>(type: "BLOB", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_complaint_reporters", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "complaint_scopes",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    complaint_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    building_group_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    household_id = table.Column<byte[]>(type: "BLOB", nullable: true),
                    from_complaint_id = table.Column<byte[]>(type: "BLOB", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_complaint_scopes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "complaints",
                columns: table => new
                {
                    id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    community_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    category_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    severity = table.Column<int>(type: "INTEGER", nullable: false),
                    urgency = table.Column<int>(type: "INTEGER", nullable: false),
                    reporter_count = table.Column<int>(type: "INTEGER", nullable: false),
                    logged_by_user_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    logged_at = table.Column<long>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    merged_into_id = table.Column<byte[]>(type: "BLOB", nullable: true),
                    anchored_at = table.Column<long>(type: "INTEGER", nullable: true),
                    case_number = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    instance_id = table.Column<byte[]>(type: "BLOB", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_complaints", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_complaint_events_complaint_id",
                table: "complaint_events",
                column: "complaint_id");

            migrationBuilder.CreateIndex(
                name: "IX_complaint_photos_complaint_id",
                table: "complaint_photos",
                column: "complaint_id");

            migrationBuilder.CreateIndex(
                name: "IX_complaint_reporters_complaint_id",
                table: "complaint_reporters",
                column: "complaint_id");

            migrationBuilder.CreateIndex(
                name: "IX_complaint_scopes_complaint_id",
                table: "complaint_scopes",
                column: "complaint_id");

            migrationBuilder.CreateIndex(
                name: "IX_complaints_case_number",
                table: "complaints",
                column: "case_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_complaints_community_id_status",
                table: "complaints",
                columns: new[] { "community_id", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "complaint_events");

            migrationBuilder.DropTable(
                name: "complaint_photos");

            migrationBuilder.DropTable(
                name: "complaint_reporters");

            migrationBuilder.DropTable(
                name: "complaint_scopes");

            migrationBuilder.DropTable(
                name: "complaints");
        }
    }
}
