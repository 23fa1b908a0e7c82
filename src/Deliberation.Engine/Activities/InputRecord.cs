using System.Text.Json.Nodes;

namespace Deliberation.Engine.Activities;

/// <summary>
/// How an evaluated input is kept for the instance viewer: as it was, unless it is long — a text over
/// <see cref="MaxText"/> characters, or a list or object whose JSON is — which is kept as its start and "…".
/// The instance's state stays small whatever an activity reads (a minutes template, a roster).
/// </summary>
public static class InputRecord
{
    /// <summary>The longest text kept whole.</summary>
    public const int MaxText = 600;

    /// <summary>The value as kept.</summary>
    public static JsonNode? Capped(JsonNode? value)
    {
        if (value is null) return null;
        if (value is JsonValue v && v.TryGetValue<string>(out var text)) return text.Length <= MaxText ? JsonValue.Create(text) : JsonValue.Create(text[..MaxText] + "…");
        if (value is JsonValue) return value.DeepClone();
        var json = value.ToJsonString();
        return json.Length <= MaxText ? value.DeepClone() : JsonValue.Create(json[..MaxText] + "…");
    }
}
