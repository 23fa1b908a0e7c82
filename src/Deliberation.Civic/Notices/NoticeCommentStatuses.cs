namespace Deliberation.Civic.Notices;

/// <summary>Where a comment stands (<see cref="NoticeComment.Status"/>).</summary>
public static class NoticeCommentStatuses
{
    /// <summary>Left, not yet seen by staff: only staff see it.</summary>
    public const string Pending = "pending";

    /// <summary>Shown on the public page, with staff's answer if any.</summary>
    public const string Published = "published";

    /// <summary>Kept from the public page (abuse, personal data); staff still see it.</summary>
    public const string Hidden = "hidden";
}
