namespace Deliberation.Civic.ShortLinks;

/// <summary>A short link looked up.</summary>
/// <param name="Status">The verdict.</param>
/// <param name="Target">The full link to redirect to, when <see cref="ShortLinkStatus.Found"/>.</param>
public sealed record ShortLinkResolution(ShortLinkStatus Status, string? Target);
