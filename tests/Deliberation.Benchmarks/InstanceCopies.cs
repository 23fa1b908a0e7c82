using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Npgsql;

/// <summary>
/// Seeds many instances fast: copies a real started instance's rows (the instance with its state JSON, which holds
/// its bookmark, its journal chain and its timer, if it waits on one) under new instance and bookmark ids.
/// </summary>
internal static class InstanceCopies
{
    /// <summary>Copies <paramref name="templateId"/> <paramref name="count"/> times in a SQLite database; returns the new ids.</summary>
    public static List<Guid> Sqlite(string databasePath, Guid templateId, int count)
    {
        using var c = ResumeBenchmark.Open(databasePath);
        var template = templateId.ToByteArray(); // SQLite stores ids as 16-byte blobs
        object[] instanceRow;
        string state;
        using (var q = ResumeBenchmark.Command(c, "SELECT definition_id, definition_version, status, correlation_id, created_at, updated_at, ended_at, revision, state FROM instances WHERE id = $id"))
        {
            q.Parameters.AddWithValue("$id", template);
            using var r = q.ExecuteReader();
            if (!r.Read()) throw new InvalidOperationException($"Template instance {templateId} is missing.");
            instanceRow = new object[r.FieldCount];
            r.GetValues(instanceRow);
            state = r.GetString(8);
        }
        var bookmarkId = BookmarkOf(state);
        // The template's journal rows (one per step), oldest first; each copy gets its own chain of copies.
        var journal = new List<(long Seq, long At, string Entries)>();
        using (var q = ResumeBenchmark.Command(c, "SELECT seq, at, entries FROM journal WHERE instance_id = $id ORDER BY id"))
        {
            q.Parameters.AddWithValue("$id", template);
            using var r = q.ExecuteReader();
            while (r.Read()) journal.Add((r.GetInt64(0), r.GetInt64(1), r.GetString(2)));
        }
        long? timerDue;
        using (var q = ResumeBenchmark.Command(c, "SELECT due_at FROM timers WHERE instance_id = $id"))
        {
            q.Parameters.AddWithValue("$id", template);
            timerDue = q.ExecuteScalar() is long due ? due : null;
        }

        using var insertInstance = ResumeBenchmark.Command(c,
            "INSERT INTO instances (id, definition_id, definition_version, status, correlation_id, created_at, updated_at, ended_at, revision, state) " +
            "VALUES ($id, $p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $state)");
        using var insertJournal = ResumeBenchmark.Command(c,
            "INSERT INTO journal (instance_id, prev, seq, at, entries) VALUES ($inst, CASE WHEN $first = 1 THEN NULL ELSE last_insert_rowid() END, $seq, $at, $entries)");
        using var setHead = ResumeBenchmark.Command(c, "UPDATE instances SET journal_head = last_insert_rowid() WHERE id = $id");
        using var insertTimer = ResumeBenchmark.Command(c, "INSERT INTO timers (bookmark_id, instance_id, due_at, lease_until) VALUES ($bookmark, $inst, $due, NULL)");
        foreach (var name in new[] { "$id", "$p0", "$p1", "$p2", "$p3", "$p4", "$p5", "$p6", "$p7", "$state" }) insertInstance.Parameters.Add(new SqliteParameter(name, null));
        foreach (var name in new[] { "$inst", "$first", "$seq", "$at", "$entries" }) insertJournal.Parameters.Add(new SqliteParameter(name, null));
        setHead.Parameters.Add(new SqliteParameter("$id", null));
        foreach (var name in new[] { "$bookmark", "$inst", "$due" }) insertTimer.Parameters.Add(new SqliteParameter(name, null));
        for (var p = 0; p < 8; p++) insertInstance.Parameters[p + 1].Value = instanceRow[p];

        var ids = new List<Guid>(count);
        const int batch = 10_000;
        for (var done = 0; done < count;)
        {
            using var tx = c.BeginTransaction();
            insertInstance.Transaction = insertJournal.Transaction = setHead.Transaction = insertTimer.Transaction = tx;
            for (var end = Math.Min(count, done + batch); done < end; done++)
            {
                var id = Guid.CreateVersion7();
                var bookmark = Guid.CreateVersion7();
                var bookmarkText = bookmark.ToString("D");
                var instance = id.ToByteArray();
                insertInstance.Parameters["$id"].Value = instance;
                insertInstance.Parameters["$p3"].Value = $"copy-{done:D7}";
                insertInstance.Parameters["$state"].Value = state.Replace(bookmarkId, bookmarkText, StringComparison.Ordinal);
                insertInstance.ExecuteNonQuery();
                insertJournal.Parameters["$inst"].Value = instance;
                var first = 1;
                foreach (var (seq, at, entries) in journal)
                {
                    insertJournal.Parameters["$first"].Value = first;
                    first = 0;
                    insertJournal.Parameters["$seq"].Value = seq;
                    insertJournal.Parameters["$at"].Value = at;
                    insertJournal.Parameters["$entries"].Value = entries.Replace(bookmarkId, bookmarkText, StringComparison.Ordinal);
                    insertJournal.ExecuteNonQuery();
                }
                setHead.Parameters["$id"].Value = instance;
                setHead.ExecuteNonQuery();
                if (timerDue is { } due)
                {
                    insertTimer.Parameters["$bookmark"].Value = bookmark.ToByteArray();
                    insertTimer.Parameters["$inst"].Value = instance;
                    insertTimer.Parameters["$due"].Value = due;
                    insertTimer.ExecuteNonQuery();
                }
                ids.Add(id);
            }
            tx.Commit();
        }
        return ids;
    }

    /// <summary>
    /// Copies <paramref name="templateId"/> <paramref name="count"/> times in a PostgreSQL database, inside the server
    /// (one statement per table); returns the new ids. The template must have one journal row (one step so far).
    /// </summary>
    public static async Task<List<Guid>> PostgresAsync(string connectionString, Guid templateId, int count, CancellationToken ct)
    {
        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync(ct);
        string state;
        await using (var q = new NpgsqlCommand("SELECT state FROM instances WHERE id = @id", c))
        {
            q.Parameters.AddWithValue("id", templateId);
            state = (string?)await q.ExecuteScalarAsync(ct) ?? throw new InvalidOperationException($"Template instance {templateId} is missing.");
        }
        await using (var q = new NpgsqlCommand("SELECT COUNT(*) FROM journal WHERE instance_id = @id", c))
        {
            q.Parameters.AddWithValue("id", templateId);
            if ((long)(await q.ExecuteScalarAsync(ct))! != 1) throw new InvalidOperationException("The template instance must have exactly one journal row.");
        }
        var bookmarkId = BookmarkOf(state);
        await using var tx = await c.BeginTransactionAsync(ct);
        await using var copy = new NpgsqlCommand(
            """
            CREATE TEMP TABLE copies ON COMMIT DROP AS
                SELECT gen_random_uuid() AS id, gen_random_uuid() AS bookmark, n FROM generate_series(1, @count) AS n;
            INSERT INTO instances (id, definition_id, definition_version, status, correlation_id, created_at, updated_at, ended_at, revision, state, scope_id)
                SELECT c.id, t.definition_id, t.definition_version, t.status, 'copy-' || lpad(c.n::text, 7, '0'), t.created_at, t.updated_at, t.ended_at,
                       t.revision, replace(t.state, @bookmark, c.bookmark::text), t.scope_id
                FROM copies c CROSS JOIN instances t WHERE t.id = @template;
            INSERT INTO journal (instance_id, prev, seq, at, entries)
                SELECT c.id, NULL, j.seq, j.at, replace(j.entries, @bookmark, c.bookmark::text)
                FROM copies c CROSS JOIN journal j WHERE j.instance_id = @template ORDER BY c.n;
            UPDATE instances i SET journal_head = j.id FROM copies c JOIN journal j ON j.instance_id = c.id WHERE i.id = c.id;
            INSERT INTO timers (bookmark_id, instance_id, due_at, lease_until)
                SELECT c.bookmark, c.id, t.due_at, NULL FROM copies c CROSS JOIN timers t WHERE t.instance_id = @template;
            SELECT id FROM copies ORDER BY n;
            """, c, tx);
        copy.Parameters.AddWithValue("count", count);
        copy.Parameters.AddWithValue("bookmark", bookmarkId);
        copy.Parameters.AddWithValue("template", templateId);
        var ids = new List<Guid>(count);
        await using (var reader = await copy.ExecuteReaderAsync(ct))
        {
            do
            {
                while (await reader.ReadAsync(ct)) ids.Add(reader.GetGuid(0));
            }
            while (await reader.NextResultAsync(ct));
        }
        await tx.CommitAsync(ct);
        await using (var analyze = new NpgsqlCommand("ANALYZE", c)) await analyze.ExecuteNonQueryAsync(ct);
        return ids;
    }

    /// <summary>The one bookmark an instance's state waits on, checked to appear exactly once in it.</summary>
    private static string BookmarkOf(string state)
    {
        var waiting = JsonNode.Parse(state)!["waiting"]!.AsArray();
        if (waiting.Count != 1 || waiting[0]!["bookmarks"]!.AsArray().Count != 1)
            throw new InvalidOperationException("The template instance must wait on exactly one bookmark.");
        var bookmarkId = (string)waiting[0]!["bookmarks"]![0]!["id"]!;
        if (state.Split(bookmarkId).Length != 2) throw new InvalidOperationException("The template state does not name its bookmark exactly once.");
        return bookmarkId;
    }
}
