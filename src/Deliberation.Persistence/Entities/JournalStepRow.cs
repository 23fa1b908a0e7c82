namespace Deliberation.Persistence.Entities;

/// <summary>
/// One stored journal row: the journal lines of one step, packed. The table is append-only and has no
/// index but its integer key, so a step appends to its last page (as a log does) instead of writing a
/// page somewhere in an index ordered by instance. Each row points to the instance's previous row and
/// <see cref="InstanceRow.JournalHead"/> to the newest, so an instance's journal is read by following
/// the chain back from its head (see <see cref="Sql.JournalChain"/>).
/// </summary>
public sealed class JournalStepRow
{
    /// <summary>Append order; on SQLite the rowid itself.</summary>
    public long Id { get; set; }

    /// <summary>The instance (not indexed: reads follow the chain).</summary>
    public Guid InstanceId { get; set; }

    /// <summary>The instance's previous journal row, null for its first.</summary>
    public long? Prev { get; set; }

    /// <summary>The sequence number of the first line; the others follow it one by one.</summary>
    public long Seq { get; set; }

    /// <summary>When the step ran (every line of a step shares it).</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>The lines as a JSON array of <c>[kind, activityId, executionId, bookmarkId, outcome, detail]</c> arrays (trailing nulls left out).</summary>
    public string Entries { get; set; } = "";
}
