using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Deliberation.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TaskMeetingAndVote : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "meeting_id",
                table: "tasks",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "vote_id",
                table: "tasks",
                type: "BLOB",
                nullable: true);

            // Tasks created before these columns name their meeting and vote in their JSON only; ids are 16-byte blobs in .NET's byte order.
            migrationBuilder.Sql("UPDATE tasks SET meeting_id = unhex(substr(json_extract(data, '$.meetingId'), 7, 2) || substr(json_extract(data, '$.meetingId'), 5, 2) || substr(json_extract(data, '$.meetingId'), 3, 2) || substr(json_extract(data, '$.meetingId'), 1, 2) || substr(json_extract(data, '$.meetingId'), 12, 2) || substr(json_extract(data, '$.meetingId'), 10, 2) || substr(json_extract(data, '$.meetingId'), 17, 2) || substr(json_extract(data, '$.meetingId'), 15, 2) || substr(json_extract(data, '$.meetingId'), 20, 4) || substr(json_extract(data, '$.meetingId'), 25, 12)) WHERE purpose IN ('time-poll', 'rsvp', 'proposal', 'vote') AND json_extract(data, '$.meetingId') IS NOT NULL;");
            migrationBuilder.Sql("UPDATE tasks SET vote_id = unhex(substr(json_extract(data, '$.voteId'), 7, 2) || substr(json_extract(data, '$.voteId'), 5, 2) || substr(json_extract(data, '$.voteId'), 3, 2) || substr(json_extract(data, '$.voteId'), 1, 2) || substr(json_extract(data, '$.voteId'), 12, 2) || substr(json_extract(data, '$.voteId'), 10, 2) || substr(json_extract(data, '$.voteId'), 17, 2) || substr(json_extract(data, '$.voteId'), 15, 2) || substr(json_extract(data, '$.voteId'), 20, 4) || substr(json_extract(data, '$.voteId'), 25, 12)) WHERE purpose = 'vote' AND json_extract(data, '$.voteId') IS NOT NULL;");

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
