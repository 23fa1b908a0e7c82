namespace Deliberation.Integrations.Mail;

/// <summary>An attachment of a picked-up message.</summary>
/// <param name="Index">Its position among the message's attachments (from 0), which names it in URLs.</param>
/// <param name="FileName">Its file name, or <c>attachment-{n}</c> when it has none.</param>
/// <param name="ContentType">Its MIME type, e.g. <c>application/pdf</c>.</param>
public sealed record PickupAttachment(int Index, string FileName, string ContentType);
