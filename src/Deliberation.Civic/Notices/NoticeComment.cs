namespace Deliberation.Civic.Notices;

/// <summary>
/// A comment or objection a resident left on a notice's public page. Nobody sees it but staff until staff publish it;
/// staff may hide it and answer it (the answer shows under it once published).
/// </summary>
public sealed class NoticeComment
{
    /// <summary>The longest comment.</summary>
    public const int MaxText = 1000;

    /// <summary>The longest name a resident may sign with.</summary>
    public const int MaxName = 50;

    /// <summary>The longest answer.</summary>
    public const int MaxResponse = 2000;

    /// <summary>Id.</summary>
    public Guid Id { get; set; }

    /// <summary>The notice.</summary>
    public Guid NoticeId { get; set; }

    /// <summary>The notice's community.</summary>
    public Guid CommunityId { get; set; }

    /// <summary>Whether it objects (异议) rather than comments (意见).</summary>
    public bool IsObjection { get; set; }

    /// <summary>What the resident wrote.</summary>
    public string Text { get; set; } = "";

    /// <summary>How the resident signed (e.g. 1栋住户), if at all.</summary>
    public string? Name { get; set; }

    /// <summary>A phone number for staff to call back, if given; never published.</summary>
    public string? Phone { get; set; }

    /// <summary>When it was left.</summary>
    public DateTimeOffset PostedAt { get; set; }

    /// <summary><see cref="NoticeCommentStatuses"/>.</summary>
    public string Status { get; set; } = NoticeCommentStatuses.Pending;

    /// <summary>Staff's answer, if any.</summary>
    public string? Response { get; set; }

    /// <summary>When staff last published, hid or answered it.</summary>
    public DateTimeOffset? ModeratedAt { get; set; }

    /// <summary>The staff account that last published, hid or answered it.</summary>
    public Guid? ModeratedByUserId { get; set; }
}
