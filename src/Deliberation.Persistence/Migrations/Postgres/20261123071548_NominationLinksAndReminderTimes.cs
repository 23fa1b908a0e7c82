using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Deliberation.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NominationLinksAndReminderTimes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "reminder_at",
                table: "elections",
                type: "bigint",
                nullable: true);

            // Elections opened before reminders were planned out of the quiet hours were reminded at the deadline minus
            // reminder_before (milliseconds and seconds); a zero offset reminded nobody.
            migrationBuilder.Sql("UPDATE elections SET reminder_at = ballot_closes_at - reminder_before * 1000 WHERE reminder_before > 0;");

            migrationBuilder.CreateTable(
                name: "election_nomination_invitations",
                columns: table => new
                {
                    task_id = table.Column<Guid>(type: "uuid", nullable: false),
                    election_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    emailed = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_election_nomination_invitations", x => x.task_id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_election_nomination_invitations_election_id_person_id",
                table: "election_nomination_invitations",
                columns: new[] { "election_id", "person_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "election_nomination_invitations");

            migrationBuilder.DropColumn(
                name: "reminder_at",
                table: "elections");
        }
    }
}
