namespace Deliberation.Host.Pages;

/// <summary>How often one address may use the answer pages. Section <c>Deliberation:Links</c>, beside the links' own settings.</summary>
public sealed class AnswerPageLimitOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Deliberation:Links";

    /// <summary>
    /// Requests to <c>/t/…</c> (showing and answering) one address may make per minute, default 300 (a meeting hall of residents answering together on one Wi-Fi stays well inside it); more answer 429 with
    /// a page saying to wait. Residents answering together behind one address (a meeting hall's Wi-Fi) share it: raise
    /// it for such a place.
    /// </summary>
    public int RequestsPerMinute { get; set; } = 300;
}
