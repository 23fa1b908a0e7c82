using System.Globalization;
using System.Xml;

namespace Deliberation.Civic.Responses;

/// <summary>Durations as people and machines read them, and what a <see cref="TimedResponse"/> says of its times.</summary>
public static class ResponseTimes
{
    /// <summary>A deadline or response time in Chinese: 4小时, 7天, 1天2小时, 90分钟.</summary>
    public static string Chinese(TimeSpan value)
    {
        if (value < TimeSpan.FromMinutes(1)) return "不到1分钟";
        var parts = new List<string>();
        if (value.Days > 0) parts.Add(string.Create(CultureInfo.InvariantCulture, $"{value.Days}天"));
        if (value.Hours > 0) parts.Add(string.Create(CultureInfo.InvariantCulture, $"{value.Hours}小时"));
        if (value.Minutes > 0 && value.Days == 0) parts.Add(string.Create(CultureInfo.InvariantCulture, $"{value.Minutes}分钟"));
        return parts.Count == 0 ? string.Create(CultureInfo.InvariantCulture, $"{value.Days}天") : string.Concat(parts);
    }

    /// <summary>An ISO 8601 duration to the second, e.g. <c>PT3H20M</c>.</summary>
    public static string Iso(TimeSpan value) => XmlConvert.ToString(TimeSpan.FromSeconds(Math.Floor(value.TotalSeconds)));

    /// <summary>How long each level has.</summary>
    public static TimeSpan Deadline(this TimedResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return TimeSpan.FromMinutes(response.DeadlineMinutes);
    }

    /// <summary>From reported to handled; null while not handled.</summary>
    public static TimeSpan? RespondedAfter(this TimedResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.HandledAt - response.ReportedAt;
    }

    /// <summary>Whether it was handled within the first level's deadline (the response rate counts these).</summary>
    public static bool HandledInTime(this TimedResponse response) => response.RespondedAfter() is { } after && after <= response.Deadline();

    /// <summary>The levels of its ladder, lowest first.</summary>
    public static IReadOnlyList<string> Levels(this TimedResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Ladder.Split(',', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The code of a level of its ladder (1 for the first).</summary>
    public static string LevelCode(this TimedResponse response, int level)
    {
        var levels = response.Levels();
        return level >= 1 && level <= levels.Count ? levels[level - 1] : "";
    }
}
