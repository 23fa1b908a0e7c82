using System.Text.Json.Nodes;
using Deliberation.Engine.Definitions;

namespace Deliberation.Civic.Responses;

/// <summary>
/// The levels a matter climbs when nobody handles it in time (小事不出网格，大事不出社区): the grid worker (网格员), the
/// community (社区), the street office (街道). A ladder is some of them, lowest first, e.g. <c>grid,community,street</c>.
/// </summary>
public static class ResponseLevels
{
    /// <summary>网格员: the grid worker of the matter's building or grid.</summary>
    public const string Grid = "grid";

    /// <summary>社区: the community's lead (社区负责人) or the people a workflow names.</summary>
    public const string Community = "community";

    /// <summary>街道: the street office, the community's escalation contacts.</summary>
    public const string Street = "street";

    /// <summary>Every level, lowest first.</summary>
    public static IReadOnlyList<string> All { get; } = [Grid, Community, Street];

    /// <summary>The ladder when a workflow names none: all three levels.</summary>
    public const string DefaultLadder = "grid,community,street";

    /// <summary>A level's name, e.g. 网格员.</summary>
    public static LocalizedText Name(string level) => level switch
    {
        Grid => new("网格员", "grid worker"),
        Community => new("社区", "community"),
        Street => new("街道", "street office"),
        _ => new(level, level),
    };

    /// <summary>
    /// Reads a ladder: a JSON array of level codes or one text of codes separated by commas (or 、 or spaces); empty for
    /// <see cref="DefaultLadder"/>. Each level at most once, lowest first.
    /// </summary>
    /// <returns>The levels, or null when the value is not a valid ladder.</returns>
    public static IReadOnlyList<string>? Parse(JsonNode? value)
    {
        List<string> codes;
        switch (value)
        {
            case null:
                return Parse(JsonValue.Create(DefaultLadder));
            case JsonArray array:
                codes = [];
                foreach (var item in array)
                {
                    if (item is not JsonValue v || !v.TryGetValue<string>(out var s)) return null;
                    codes.Add(s.Trim());
                }
                break;
            case JsonValue text when text.TryGetValue<string>(out var s):
                if (string.IsNullOrWhiteSpace(s)) return Parse(null);
                codes = [.. s.Split([',', '，', '、', ' ', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
                break;
            default:
                return null;
        }
        if (codes.Count == 0) return null;
        var ranks = codes.Select(c => All.ToList().IndexOf(c)).ToList();
        for (var i = 0; i < ranks.Count; i++)
            if (ranks[i] < 0 || (i > 0 && ranks[i] <= ranks[i - 1])) return null;
        return codes;
    }
}
