namespace Deliberation.Civic.Links;

/// <summary>Signed links. Section <c>Deliberation:Links</c>.</summary>
public sealed class SignedLinkOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Deliberation:Links";

    /// <summary>
    /// The signing key, base64, at least 32 bytes. Default empty: the key is read from
    /// <c>{data}/keys/link-signing.key</c>, generated there on the first start. Set it when several
    /// hosts share one database but not one data folder.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>
    /// How long a link keeps working after the task's deadline, so that the page can still say what
    /// was recorded (default 30 days).
    /// </summary>
    public TimeSpan ValidityAfterClose { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long a link for a task without a deadline works, from when it is made (default 60 days).</summary>
    public TimeSpan ValidityWithoutDeadline { get; set; } = TimeSpan.FromDays(60);
}
