namespace Deliberation.Civic.Notices;

/// <summary>
/// A public notice (公示) as posted on the wall: of an anchored issue, of a result (the meeting's resolution) or of the
/// case's closing. It is printed with a QR code to its public page (<see cref="PublicCode"/>), where residents read it
/// and, while <see cref="CommentsCloseAt"/> has not passed, leave a comment or objection for staff to moderate.
/// </summary>
public sealed class PostedNotice
{
    /// <summary>The longest title.</summary>
    public const int MaxTitle = 300;

    /// <summary>The longest text.</summary>
    public const int MaxText = 20_000;

    /// <summary>Id.</summary>
    public Guid Id { get; set; }

    /// <summary>The community.</summary>
    public Guid CommunityId { get; set; }

    /// <summary>What it announces: one of <see cref="NoticeKinds.All"/>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The case number, e.g. DALONG-2026-001.</summary>
    public string CaseNumber { get; set; } = "";

    /// <summary>The heading, e.g. 【公示】大龙社区：老人上楼难 已列为协商议题.</summary>
    public string Title { get; set; } = "";

    /// <summary>The notice as residents read it (plain text, lines).</summary>
    public string Text { get; set; } = "";

    /// <summary>The unguessable code of its public page (<c>/gongshi/{code}</c>), 32 hex digits.</summary>
    public string PublicCode { get; set; } = "";

    /// <summary>When it was posted.</summary>
    public DateTimeOffset PostedAt { get; set; }

    /// <summary>The end of its notice period (公示期), until which comments are taken; null when it takes none.</summary>
    public DateTimeOffset? CommentsCloseAt { get; set; }

    /// <summary>The workflow instance that posted it, if any.</summary>
    public Guid? InstanceId { get; set; }

    /// <summary>Whether comments are taken at <paramref name="now"/>.</summary>
    public bool TakesCommentsAt(DateTimeOffset now) => CommentsCloseAt is { } closes && now < closes;
}
