using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;

namespace Deliberation.Engine.Activities;

/// <summary>Parses the duration forms definitions accept.</summary>
public static partial class Durations
{
    [GeneratedRegex(@"^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Shorthand();

    /// <summary>
    /// Parses <c>PT24H</c> (ISO 8601), <c>1.00:00:00</c> (.NET), or <c>90s</c>, <c>30m</c>, <c>24h</c>, <c>2d</c>, <c>1w</c>.
    /// </summary>
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var match = Shorthand().Match(text);
        if (match.Success)
        {
            var n = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            value = match.Groups[2].Value.ToLowerInvariant() switch
            {
                "ms" => TimeSpan.FromMilliseconds(n),
                "s" => TimeSpan.FromSeconds(n),
                "m" => TimeSpan.FromMinutes(n),
                "h" => TimeSpan.FromHours(n),
                "d" => TimeSpan.FromDays(n),
                _ => TimeSpan.FromDays(7 * n),
            };
            return true;
        }
        var trimmed = text.Trim();
        if (trimmed.StartsWith('P') || trimmed.StartsWith('p'))
        {
            try { value = XmlConvert.ToTimeSpan(trimmed.ToUpperInvariant()); return true; }
            catch (FormatException) { return false; }
        }
        return TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>A duration in a shorthand that is exact: <c>2d</c> (two days or more), <c>24h</c>, <c>90m</c>, <c>30s</c>, else .NET's form.</summary>
    public static string Format(TimeSpan value)
    {
        if (value > TimeSpan.Zero)
        {
            if (value.Ticks % TimeSpan.TicksPerDay == 0 && value.TotalDays >= 2) return string.Create(CultureInfo.InvariantCulture, $"{value.Ticks / TimeSpan.TicksPerDay}d");
            if (value.Ticks % TimeSpan.TicksPerHour == 0) return string.Create(CultureInfo.InvariantCulture, $"{value.Ticks / TimeSpan.TicksPerHour}h");
            if (value.Ticks % TimeSpan.TicksPerMinute == 0) return string.Create(CultureInfo.InvariantCulture, $"{value.Ticks / TimeSpan.TicksPerMinute}m");
            if (value.Ticks % TimeSpan.TicksPerSecond == 0) return string.Create(CultureInfo.InvariantCulture, $"{value.Ticks / TimeSpan.TicksPerSecond}s");
        }
        return value.ToString("c", CultureInfo.InvariantCulture);
    }
}
