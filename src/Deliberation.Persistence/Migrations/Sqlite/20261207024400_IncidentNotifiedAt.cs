using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Deliberation.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IncidentNotifiedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "notified_at",
                table: "incidents",
                type: "INTEGER",
                nullable: true);

            // Incidents raised before this version were seen on the dashboard: nobody is emailed about them now.
            migrationBuilder.Sql("UPDATE incidents SET notified_at = created_at;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "notified_at",
                table: "incidents");
        }
    }
}
