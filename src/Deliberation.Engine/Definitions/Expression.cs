using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Deliberation.Engine.Definitions;

/// <summary>
/// The value of an activity input: a JSON literal, the name of a workflow variable or input, or a
/// Scriban script. Stored in definitions as <c>{"type": "literal", "value": …}</c>.
/// </summary>
public sealed record Expression
{
    /// <summary>The syntax names accepted in definitions.</summary>
    public const string Literal = "literal", Variable = "variable", Scriban = "scriban";

    /// <summary><c>literal</c>, <c>variable</c> or <c>scriban</c>.</summary>
    [JsonPropertyName("type")]
    public string Type { get; init; } = Literal;

    /// <summary>The literal value, the variable name, or the script text.</summary>
    [JsonPropertyName("value")]
    public JsonNode? Value { get; init; }

    /// <summary>Creates a literal expression.</summary>
    public static Expression FromLiteral(JsonNode? value) => new() { Type = Literal, Value = value };

    /// <summary>Creates a Scriban expression.</summary>
    public static Expression FromScriban(string script) => new() { Type = Scriban, Value = script };

    /// <summary>Creates a variable reference.</summary>
    public static Expression FromVariable(string name) => new() { Type = Variable, Value = name };

    /// <summary>The value as text when it is a JSON string, otherwise null.</summary>
    [JsonIgnore]
    public string? Text => Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
