using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Deliberation.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LeanHotPath : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bookmarks");

            migrationBuilder.DropIndex(
                name: "IX_instances_definition_id_status",
                table: "instances");

            migrationBuilder.DropIndex(
                name: "IX_instances_status",
                table: "instances");

            migrationBuilder.AddColumn<Guid>(
                name: "scope_id",
                table: "instances",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_instances_scope_id_created_at",
                table: "instances",
                columns: new[] { "scope_id", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_instances_scope_id_created_at",
                table: "instances");

            migrationBuilder.DropColumn(
                name: "scope_id",
                table: "instances");

            migrationBuilder.CreateTable(
                name: "bookmarks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    activity_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<long>(type: "bigint", nullable: false),
                    execution_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: false),
                    signal_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bookmarks", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_instances_definition_id_status",
                table: "instances",
                columns: new[] { "definition_id", "status" });

            migrationBuilder.CreateIndex(
                name: "IX_instances_status",
                table: "instances",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "IX_bookmarks_instance_id_signal_name",
                table: "bookmarks",
                columns: new[] { "instance_id", "signal_name" });
        }
    }
}
