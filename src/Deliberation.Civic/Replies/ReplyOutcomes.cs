namespace Deliberation.Civic.Replies;

/// <summary>What became of a reply (<see cref="EmailReply.Outcome"/>). Stable strings: the table keeps them.</summary>
public static class ReplyOutcomes
{
    /// <summary>The answer was recorded and confirmed to the person.</summary>
    public const string Recorded = "recorded";

    /// <summary>The reply did not say which option; the person was sent the options, nothing was recorded.</summary>
    public const string Unclear = "unclear";

    /// <summary>The task had closed; the person was told so (已截止), nothing was recorded.</summary>
    public const string Closed = "closed";

    /// <summary>No valid signed token (missing, forged, retired): nothing was recorded and nobody was written to.</summary>
    public const string Unmatched = "unmatched";

    /// <summary>An auto-reply, a bounce or a list's message: ignored.</summary>
    public const string Automatic = "automatic";

    /// <summary>Processed before (same Message-ID): nothing changed.</summary>
    public const string Duplicate = "duplicate";
}
