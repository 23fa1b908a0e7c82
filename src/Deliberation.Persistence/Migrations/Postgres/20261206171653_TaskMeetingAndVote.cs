using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Deliberation.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TaskMeetingAndVote : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "meeting_id",
                table: "tasks",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "vote_id",
                table: "tasks",
                type: "uuid",
                nullable: true);

            // Tasks created before these columns name their meeting and vote in their JSON only.
            migrationBuilder.Sql("UPDATE tasks SET meeting_id = CAST(CAST(data AS jsonb) ->> 'meetingId' AS uuid) WHERE purpose IN ('time-poll', 'rsvp', 'proposal', 'vote') AND CAST(data AS jsonb) ? 'meetingId';");
            migrationBuilder.Sql("UPDATE tasks SET vote_id = CAST(CAST(data AS jsonb) ->> 'voteId' AS uuid) WHERE purpose = 'vote' AND CAST(data AS jsonb) ? 'voteId';");

            migrationBuilder.CreateIndex(
                name: "IX_tasks_meeting_id",
                table: "tasks",
                column: "meeting_id");

            migrationBuilder.CreateIndex(
                name: "IX_tasks_vote_id",
                table: "tasks",
                column: "vote_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_tasks_meeting_id",
                table: "tasks");

            migrationBuilder.DropIndex(
                name: "IX_tasks_vote_id",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "meeting_id",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "vote_id",
                table: "tasks");
        }
    }
}
