using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Deliberation.Engine.Definitions;

/// <summary>Reads and writes workflow definition documents.</summary>
public static class DefinitionJson
{
    /// <summary>The serializer options used for definitions and instance state.</summary>
    public static readonly JsonSerializerOptions Options = CreateOptions(indented: false);

    /// <summary>Options for files people read: indented, Chinese left unescaped.</summary>
    public static readonly JsonSerializerOptions Pretty = CreateOptions(indented: true);

    private static JsonSerializerOptions CreateOptions(bool indented) => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = indented,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>Parses a definition; throws <see cref="JsonException"/> with the position on malformed JSON.</summary>
    public static WorkflowDefinition Parse(string json) =>
        JsonSerializer.Deserialize<WorkflowDefinition>(json, Options)
        ?? throw new JsonException("The document is empty (null).");

    /// <summary>Writes a definition as indented JSON.</summary>
    public static string Write(WorkflowDefinition definition) => JsonSerializer.Serialize(definition, Pretty);
}
