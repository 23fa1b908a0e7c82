namespace Deliberation.Integrations.Mail;

/// <summary>One message in the pickup folder, as the development mailbox lists it.</summary>
/// <param name="FileName">The .eml file's name (no folder), which names the message in the mailbox's URLs.</param>
/// <param name="Date">The message's Date header; the file's write time when the header is missing or the file cannot be read.</param>
/// <param name="To">The recipients, decoded (<c>Name &lt;address&gt;</c> or the bare address), comma-separated.</param>
/// <param name="Subject">The subject, decoded; null when the file cannot be read as a message.</param>
public sealed record PickupEntry(string FileName, DateTimeOffset Date, string To, string? Subject);
