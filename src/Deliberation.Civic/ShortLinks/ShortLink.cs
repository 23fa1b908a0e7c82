namespace Deliberation.Civic.ShortLinks;

/// <summary>
/// A short link (<c>/s/{code}</c>) standing for a long one: a task's signed answer link or a notice's public page. It only
/// redirects; the target checks its own signature, so a short link never grants more than its long link.
/// </summary>
public sealed class ShortLink
{
    /// <summary>The longest target path.</summary>
    public const int MaxTarget = 400;

    /// <summary>The code (<see cref="ShortCodes.Length"/> characters of <see cref="ShortCodes.Alphabet"/>), the key.</summary>
    public string Code { get; set; } = "";

    /// <summary>What it leads to, a path on the public address with its query, e.g. <c>/t/{token}</c> or <c>/gongshi/{code}</c>.</summary>
    public string Target { get; set; } = "";

    /// <summary>One of <see cref="ShortLinkKinds.All"/>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The task of a task link; null for a notice.</summary>
    public Guid? TaskId { get; set; }

    /// <summary>The link version of a task link: once the task's link is reissued, the short link is gone.</summary>
    public int? LinkVersion { get; set; }

    /// <summary>When it was made.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it stops working, with its target link; null when the target never expires.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }
}
