using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Deliberation.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InstanceScope : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "scope_id",
                table: "instances",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_instances_scope_id_status",
                table: "instances",
                columns: new[] { "scope_id", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_instances_scope_id_status",
                table: "instances");

            migrationBuilder.DropColumn(
                name: "scope_id",
                table: "instances");
        }
    }
}
