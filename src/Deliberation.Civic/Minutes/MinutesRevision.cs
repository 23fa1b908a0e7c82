namespace Deliberation.Civic.Minutes;

/// <summary>One change staff made to a section of draft minutes: who, when, and the text before and after.</summary>
public sealed class MinutesRevision
{
    /// <summary>Id.</summary>
    public Guid Id { get; set; }

    /// <summary>The draft.</summary>
    public Guid DraftId { get; set; }

    /// <summary>The community.</summary>
    public Guid CommunityId { get; set; }

    /// <summary>The section changed, from 1.</summary>
    public int SectionNumber { get; set; }

    /// <summary>The section's heading.</summary>
    public string Section { get; set; } = "";

    /// <summary>The section's text before.</summary>
    public string Before { get; set; } = "";

    /// <summary>The section's text after.</summary>
    public string After { get; set; } = "";

    /// <summary>The objection this change accepted, if any.</summary>
    public Guid? ObjectionId { get; set; }

    /// <summary>The staff account that made it.</summary>
    public Guid ByUserId { get; set; }

    /// <summary>That account's display name then.</summary>
    public string ByName { get; set; } = "";

    /// <summary>When.</summary>
    public DateTimeOffset At { get; set; }
}
