namespace Deliberation.Civic.Responses;

/// <summary>Where a matter to respond to stands, as the staff dashboard shows it beside its escalations.</summary>
/// <param name="ResponseId">The matter.</param>
/// <param name="Status">One of <see cref="ResponseStatuses"/>.</param>
/// <param name="Level">The level that has it now, or that handled it: a code of <see cref="ResponseLevels"/>.</param>
/// <param name="LevelName">That level's name, e.g. 网格员.</param>
/// <param name="Escalations">How many times it went up a level.</param>
/// <param name="DueAt">When the current level's deadline passes (passed, once unhandled).</param>
/// <param name="HandledAt">When it was marked handled; null until then.</param>
/// <param name="RespondedMinutes">From reported to handled, in whole minutes; null until handled.</param>
/// <param name="InTime">Whether it was handled within one level's deadline of being reported.</param>
public sealed record ResponseSummary(Guid ResponseId, string Status, string Level, string LevelName, int Escalations, DateTimeOffset DueAt,
    DateTimeOffset? HandledAt, int? RespondedMinutes, bool InTime)
{
    /// <summary>The summary of a matter.</summary>
    public static ResponseSummary Of(TimedResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var level = response.HandledLevel ?? response.Level;
        var code = response.LevelCode(level);
        return new(response.Id, response.Status, code, ResponseStore.LevelName(code), response.Level - 1, response.DueAt, response.HandledAt,
            response.RespondedAfter() is { } after ? (int)Math.Floor(after.TotalMinutes) : null, response.HandledInTime());
    }
}
