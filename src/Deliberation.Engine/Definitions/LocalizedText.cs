using System.Text.Json.Serialization;

namespace Deliberation.Engine.Definitions;

/// <summary>A short text in Simplified Chinese (the default) and English.</summary>
public sealed record LocalizedText(
    [property: JsonPropertyName("zh-CN")] string ZhCN,
    [property: JsonPropertyName("en")] string En)
{
    /// <summary>Returns the text for a culture name, falling back to Chinese.</summary>
    public string For(string? culture) =>
        culture is not null && culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? En : ZhCN;
}
