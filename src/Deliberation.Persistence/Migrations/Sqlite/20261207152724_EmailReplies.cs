using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Deliberation.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EmailReplies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "email_replies",
                columns: table => new
                {
                    message_id = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    processed_at = table.Column<long>(type: "INTEGER", nullable: false),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    task_id = table.Column<byte[]>(type: "BLOB", nullable: true),
                    answer_id = table.Column<byte[]>(type: "BLOB", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_email_replies", x => x.message_id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_email_replies_task_id",
                table: "email_replies",
                column: "task_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "email_replies");
        }
    }
}
