namespace Deliberation.Integrations.Mail;

/// <summary>The newest messages of the pickup folder.</summary>
/// <param name="Messages">Newest first, at most <see cref="PickupMailbox.MaxListed"/>.</param>
/// <param name="Total">How many .eml files the folder holds.</param>
public sealed record PickupListing(IReadOnlyList<PickupEntry> Messages, int Total);
