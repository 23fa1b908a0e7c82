using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Deliberation.Engine.Definitions;

/// <summary>
/// When the host starts instances of a definition by itself: at each occurrence of a cron expression in a time zone
/// (Beijing time unless told otherwise), one instance per community, with the same inputs each time. Only the newest
/// published version's schedule runs. A community's own workflow starts in its community; a shared workflow starts in
/// each community of <see cref="CommunityIds"/>, or in every community with <see cref="AllCommunities"/> (see
/// workflows/README.md, "Schedules").
/// </summary>
public sealed record WorkflowSchedule
{
    /// <summary>The time zone a schedule reads its cron in when it names none: Beijing time.</summary>
    public const string DefaultTimeZone = "Asia/Shanghai";

    /// <summary>A standard five-field cron expression (minute hour day-of-month month day-of-week), e.g. <c>0 9 1 * *</c>: 09:00 on the 1st of every month.</summary>
    [JsonPropertyName("cron")]
    public string Cron { get; init; } = "";

    /// <summary>The IANA time zone the cron's clock reads in; null means <see cref="DefaultTimeZone"/>.</summary>
    [JsonPropertyName("timeZone")]
    public string? TimeZone { get; init; }

    /// <summary>The workflow inputs each scheduled instance starts with; the definition's defaults fill the rest.</summary>
    [JsonPropertyName("input")]
    public JsonObject? Input { get; init; }

    /// <summary>
    /// For a shared workflow, the communities it starts in, one instance each per occurrence. A community's own workflow
    /// names none: it starts in its own community.
    /// </summary>
    [JsonPropertyName("communityIds")]
    public IReadOnlyList<Guid>? CommunityIds { get; init; }

    /// <summary>
    /// For a shared workflow, whether it starts in every community instead of those listed — each community's duty, such as
    /// 三必做's monthly residents' deliberation — communities added later included, from their first occurrence after they
    /// were created. A community's own workflow leaves it out.
    /// </summary>
    [JsonPropertyName("allCommunities")]
    public bool AllCommunities { get; init; }
}
