namespace Deliberation.Host.Pages;

/// <summary>How many comments one address may leave on notices' public pages. Section <c>Deliberation:Notices</c>.</summary>
public sealed class NoticeCommentLimitOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Deliberation:Notices";

    /// <summary>Comments one address may post in an hour, default 5; more answer 429 (<c>notice-comment-flood</c>) until the oldest is an hour old.</summary>
    public int CommentsPerHour { get; set; } = 5;
}
