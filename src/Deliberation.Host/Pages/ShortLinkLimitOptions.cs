namespace Deliberation.Host.Pages;

/// <summary>How often one address may look up short links. Section <c>Deliberation:ShortLinks</c>.</summary>
public sealed class ShortLinkLimitOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Deliberation:ShortLinks";

    /// <summary>
    /// Lookups of <c>/s/…</c> one address may make per minute, default 120; more answer 429 (<c>short-link-flood</c>). Codes are
    /// short, so this is what keeps one machine from trying them.
    /// </summary>
    public int LookupsPerMinute { get; set; } = 120;
}
