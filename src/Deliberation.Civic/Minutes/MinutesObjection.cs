namespace Deliberation.Civic.Minutes;

/// <summary>A participant's objection to one section of draft minutes, with the reason, and how staff dealt with it.</summary>
public sealed class MinutesObjection
{
    /// <summary>The longest reason or response.</summary>
    public const int MaxText = 2000;

    /// <summary>Id.</summary>
    public Guid Id { get; set; }

    /// <summary>The draft.</summary>
    public Guid DraftId { get; set; }

    /// <summary>The community.</summary>
    public Guid CommunityId { get; set; }

    /// <summary>The participant's confirmation task.</summary>
    public Guid TaskId { get; set; }

    /// <summary>The answer that raised it.</summary>
    public Guid AnswerId { get; set; }

    /// <summary>Who objected.</summary>
    public Guid PersonId { get; set; }

    /// <summary>The section objected to: its place among the draft's <c>## </c> headings, from 1.</summary>
    public int SectionNumber { get; set; }

    /// <summary>The section's heading when the objection was raised, e.g. 五、表决情况.</summary>
    public string Section { get; set; } = "";

    /// <summary>Why.</summary>
    public string Reason { get; set; } = "";

    /// <summary>When.</summary>
    public DateTimeOffset RaisedAt { get; set; }

    /// <summary>One of <see cref="MinutesObjectionStatuses"/>.</summary>
    public string Status { get; set; } = MinutesObjectionStatuses.Open;

    /// <summary>What staff answered (why the text stands, or what was changed).</summary>
    public string? Response { get; set; }

    /// <summary>The staff account that accepted or answered it.</summary>
    public Guid? ResolvedByUserId { get; set; }

    /// <summary>That account's display name then.</summary>
    public string? ResolvedByName { get; set; }

    /// <summary>When it was accepted, answered or withdrawn.</summary>
    public DateTimeOffset? ResolvedAt { get; set; }
}
