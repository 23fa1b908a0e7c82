namespace Deliberation.Civic.Issues;

/// <summary>An image format complaints accept.</summary>
/// <param name="ContentType">The media type, e.g. <c>image/jpeg</c>.</param>
/// <param name="Extension">The file extension without the dot, e.g. <c>jpg</c>.</param>
public sealed record PhotoFormat(string ContentType, string Extension);
