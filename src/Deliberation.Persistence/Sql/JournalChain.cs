using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Deliberation.Engine.Storage;
using Deliberation.Persistence.Entities;

namespace Deliberation.Persistence.Sql;

/// <summary>
/// The journal's stored form: each step appends one row holding its lines (see <see cref="JournalStepRow"/>),
/// linked to the instance's previous row. This packs the lines of a step and reads an instance's chain back.
/// </summary>
public static class JournalChain
{
    /// <summary>
    /// An instance's journal rows, newest first back to the first row that starts at or before
    /// <c>@after</c> + 1 (older rows hold only lines the caller skips): parameters <c>@inst</c>, <c>@after</c>.
    /// </summary>
    private const string ChainSql =
        """
        WITH RECURSIVE chain (id, prev, seq, at, entries) AS (
            SELECT j.id, j.prev, j.seq, j.at, j.entries FROM journal j WHERE j.id = (SELECT journal_head FROM instances WHERE id = @inst)
            UNION ALL
            SELECT j.id, j.prev, j.seq, j.at, j.entries FROM journal j JOIN chain c ON j.id = c.prev WHERE c.seq > @after + 1)
        SELECT seq, at, entries FROM chain
        """;

    /// <summary>Packs journal lines into the JSON array a row stores; trailing nulls are left out.</summary>
    public static string Pack(IReadOnlyList<JournalEntry> lines, int start, int count)
    {
        var buffer = new ArrayBufferWriter<byte>(128 * count);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            for (var i = start; i < start + count; i++)
            {
                var j = lines[i];
                string?[] fields = [j.Kind, j.ActivityId, j.ExecutionId, j.BookmarkId?.ToString("D"), j.Outcome, j.Detail];
                var last = fields.Length - 1;
                while (last > 0 && fields[last] is null) last--;
                w.WriteStartArray();
                for (var f = 0; f <= last; f++)
                {
                    if (fields[f] is { } s) w.WriteStringValue(s);
                    else w.WriteNullValue();
                }
                w.WriteEndArray();
            }
            w.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The lines of one stored row.</summary>
    public static IEnumerable<JournalRow> Expand(Guid instanceId, long seq, long atMillis, string entries)
    {
        var at = DateTimeOffset.FromUnixTimeMilliseconds(atMillis);
        using var document = JsonDocument.Parse(entries);
        var list = new List<JournalRow>(document.RootElement.GetArrayLength());
        foreach (var line in document.RootElement.EnumerateArray())
        {
            string? Field(int index) => index < line.GetArrayLength() ? line[index].GetString() : null;
            list.Add(new JournalRow
            {
                InstanceId = instanceId,
                Seq = seq++,
                At = at,
                Kind = Field(0) ?? "",
                ActivityId = Field(1),
                ExecutionId = Field(2),
                BookmarkId = Field(3) is { } bm ? Guid.Parse(bm, CultureInfo.InvariantCulture) : null,
                Outcome = Field(4),
                Detail = Field(5),
            });
        }
        return list;
    }

    /// <summary>An instance's journal lines after <paramref name="afterSeq"/>, in order, at most <paramref name="take"/>.</summary>
    public static async Task<List<JournalRow>> ReadAsync(ConnectionPool pool, Guid instanceId, long afterSeq, int take, CancellationToken cancellationToken)
    {
        await using var c = await pool.RentAsync(cancellationToken);
        var rows = new List<(long Seq, long At, string Entries)>();
        await using (var reader = await c.Command(ChainSql, ["@inst", "@after"], [pool.Dialect.Id(instanceId), afterSeq]).ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) rows.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2)));
        }
        rows.Sort((a, b) => a.Seq.CompareTo(b.Seq));
        return rows.SelectMany(r => Expand(instanceId, r.Seq, r.At, r.Entries)).Where(j => j.Seq > afterSeq).Take(take).ToList();
    }
}
