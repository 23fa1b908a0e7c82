namespace Deliberation.Civic.ShortLinks;

/// <summary>What a short link's code comes to.</summary>
public enum ShortLinkStatus
{
    /// <summary>It leads to its target.</summary>
    Found,

    /// <summary>No such code.</summary>
    NotFound,

    /// <summary>It worked once: its task link was reissued, or it expired with its target.</summary>
    Gone,
}
