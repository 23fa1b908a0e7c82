using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Deliberation.Engine.Expressions;

/// <summary>Conversions between JSON values and the plain values activities use.</summary>
public static class JsonValues
{
    /// <summary>The value as text: strings as they are, other values as JSON; null stays null.</summary>
    public static string? AsText(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Null => null,
        _ => node.ToJsonString(),
    };

    /// <summary>Truthiness as scripts see it: false, null, 0, "" and "false" are false.</summary>
    public static bool IsTruthy(JsonNode? node)
    {
        if (node is null) return false;
        if (node is not JsonValue v) return true;
        return v.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False or JsonValueKind.Null or JsonValueKind.Undefined => false,
            JsonValueKind.Number => ReadNumber(v) != 0,
            JsonValueKind.String => v.GetValue<string>() is var s && s.Length > 0
                && !s.Equals("false", StringComparison.OrdinalIgnoreCase) && s != "0",
            _ => true,
        };
    }

    /// <summary>The value as a number, when it is one or a numeric string.</summary>
    public static double? AsNumber(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => ReadNumber(v),
        JsonValue v when v.GetValueKind() == JsonValueKind.String
            && double.TryParse(v.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    // A number built in code (JsonValue.Create(3), a script's int result) is backed by its own .NET type,
    // which GetValue<double> refuses; only parsed JSON converts freely. Its JSON text reads the same either way.
    private static double ReadNumber(JsonValue v) =>
        v.TryGetValue<double>(out var d) ? d : double.Parse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Deep-copies a value so it can be stored under another parent.</summary>
    public static JsonNode? Copy(JsonNode? node) => node?.DeepClone();
}
