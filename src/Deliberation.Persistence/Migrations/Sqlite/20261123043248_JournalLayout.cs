using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Deliberation.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class JournalLayout : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The journal becomes one row per step, appended in rowid order with no index but the rowid, each
            // row pointing to the instance's previous one and the instance to its newest (see JournalStepRow):
            // a step then writes the journal's last page instead of a page inside a b-tree ordered by
            // instance. The WITHOUT ROWID layout of the Initial migration is replaced on purpose. Existing
            // lines become one row each, chained in sequence order; bookmark ids turn from .NET's byte order
            // into their text form.
            migrationBuilder.Sql(
                """
                CREATE TABLE "journal_steps" (
                    "id" INTEGER NOT NULL CONSTRAINT "PK_journal" PRIMARY KEY,
                    "instance_id" BLOB NOT NULL, "prev" INTEGER NULL, "seq" INTEGER NOT NULL, "at" INTEGER NOT NULL, "entries" TEXT NOT NULL);
                INSERT INTO "journal_steps" ("id", "instance_id", "prev", "seq", "at", "entries")
                SELECT "n", "instance_id", CASE WHEN "k" = 1 THEN NULL ELSE "n" - 1 END, "seq", "at",
                       json_array(json_array("kind", "activity_id", "execution_id",
                           CASE WHEN "bookmark_id" IS NULL THEN NULL ELSE lower(
                               substr(hex("bookmark_id"), 7, 2) || substr(hex("bookmark_id"), 5, 2) || substr(hex("bookmark_id"), 3, 2) || substr(hex("bookmark_id"), 1, 2) || '-' ||
                               substr(hex("bookmark_id"), 11, 2) || substr(hex("bookmark_id"), 9, 2) || '-' ||
                               substr(hex("bookmark_id"), 15, 2) || substr(hex("bookmark_id"), 13, 2) || '-' ||
                               substr(hex("bookmark_id"), 17, 4) || '-' || substr(hex("bookmark_id"), 21, 12)) END,
                           "outcome", "detail"))
                FROM (SELECT *, ROW_NUMBER() OVER (ORDER BY "instance_id", "seq") AS "n",
                             ROW_NUMBER() OVER (PARTITION BY "instance_id" ORDER BY "seq") AS "k" FROM "journal");
                DROP TABLE "journal";
                ALTER TABLE "journal_steps" RENAME TO "journal";
                ALTER TABLE "instances" ADD COLUMN "journal_head" INTEGER NULL;
                UPDATE "instances" SET "journal_head" = "h"."id"
                FROM (SELECT "instance_id", MAX("id") AS "id" FROM "journal" GROUP BY "instance_id") AS "h"
                WHERE "h"."instance_id" = "instances"."id";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to one WITHOUT ROWID row per line, keyed by (instance_id, seq).
            migrationBuilder.Sql(
                """
                CREATE TABLE "journal_lines" (
                    "instance_id" BLOB NOT NULL, "seq" INTEGER NOT NULL, "at" INTEGER NOT NULL, "kind" TEXT NOT NULL,
                    "activity_id" TEXT NULL, "execution_id" TEXT NULL, "bookmark_id" BLOB NULL, "outcome" TEXT NULL, "detail" TEXT NULL,
                    CONSTRAINT "PK_journal" PRIMARY KEY ("instance_id", "seq")) WITHOUT ROWID;
                INSERT INTO "journal_lines"
                SELECT "j"."instance_id", "j"."seq" + "e"."key", "j"."at", "e"."value" ->> 0, "e"."value" ->> 1, "e"."value" ->> 2,
                       CASE WHEN ("e"."value" ->> 3) IS NULL THEN NULL ELSE unhex(
                           substr("e"."value" ->> 3, 7, 2) || substr("e"."value" ->> 3, 5, 2) || substr("e"."value" ->> 3, 3, 2) || substr("e"."value" ->> 3, 1, 2) ||
                           substr("e"."value" ->> 3, 12, 2) || substr("e"."value" ->> 3, 10, 2) || substr("e"."value" ->> 3, 17, 2) || substr("e"."value" ->> 3, 15, 2) ||
                           substr("e"."value" ->> 3, 20, 4) || substr("e"."value" ->> 3, 25, 12)) END,
                       "e"."value" ->> 4, "e"."value" ->> 5
                FROM "journal" AS "j", json_each("j"."entries") AS "e";
                DROP TABLE "journal";
                ALTER TABLE "journal_lines" RENAME TO "journal";
                ALTER TABLE "instances" DROP COLUMN "journal_head";
                """);
        }
    }
}
