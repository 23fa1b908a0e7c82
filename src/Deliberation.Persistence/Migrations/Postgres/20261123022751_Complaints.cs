using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Deliberation.Persistence.Migrations.Postgres
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
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    complaint_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    other_complaint_id = table.Column<Guid>(type: "uuid", nullable: true),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<long>(type: "bigint", nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_complaint_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "complaint_photos",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    complaint_id = table.Column<Guid>(type: "uuid", nullable: false),
                    content_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    length = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    added_at = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_complaint_photos", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "complaint_reporters",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    complaint_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_complaint_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_complaint_reporters", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "complaint_scopes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    complaint_id = table.Column<Guid>(type: "uuid", nullable: false),
                    building_group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    household_id = table.Column<Guid>(type: "uuid", nullable: true),
                    from_complaint_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_complaint_scopes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "complaints",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    community_id = table.Column<Guid>(type: "uuid", nullable: false),
                    category_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    severity = table.Column<int>(type: "integer", nullable: false),
                    urgency = table.Column<int>(type: "integer", nullable: false),
                    reporter_count = table.Column<int>(type: "integer", nullable: false),
                    logged_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    logged_at = table.Column<long>(type: "bigint", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    merged_into_id = table.Column<Guid>(type: "uuid", nullable: true),
                    anchored_at = table.Column<long>(type: "bigint", nullable: true),
                    case_number = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: true)
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
