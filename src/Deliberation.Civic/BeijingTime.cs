using System.Globalization;

namespace Deliberation.Civic;

/// <summary>
/// China Standard Time (Asia/Shanghai, UTC+8, no daylight saving): every date shown to people —
/// in emails and on pages — is in this zone, whatever the server's own zone is.
/// </summary>
public static class BeijingTime
{
    /// <summary>
    /// The zone. Falls back to a fixed UTC+8 zone when the machine has no time-zone database
    /// (a slim container), which is exact: China has not used daylight saving since 1991.
    /// </summary>
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Shanghai", out var zone)
        ? zone
        : TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");

    /// <summary>The same instant on Beijing's clock.</summary>
    public static DateTimeOffset ToBeijing(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    /// <summary>The instant in Chinese, to the minute: <c>2026年12月1日 18:00</c>.</summary>
    public static string FormatChinese(DateTimeOffset at) =>
        ToBeijing(at).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture);
}
