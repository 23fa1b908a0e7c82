namespace Deliberation.Civic.Elections;

/// <summary>What staff give to open an election (one per building group in layer 1, or the group's layer 2).</summary>
/// <param name="Seats">How many are elected, 1–3.</param>
/// <param name="NominationsCloseAt">When nominations close; in the future.</param>
/// <param name="BallotClosesAt">The ballot deadline; after nominations close.</param>
/// <param name="ReminderBefore">How long before the deadline non-voters are reminded; null for 24 hours.</param>
/// <param name="TieRule"><c>lots</c> (default) or <c>staff</c>.</param>
/// <param name="CountingMethod"><c>plurality</c> (default).</param>
/// <param name="SeatsByBuildingGroup">Layer 1 only: seats for particular building groups (a larger building may send more delegates); others get <paramref name="Seats"/>.</param>
/// <param name="QuietHours">The quiet hours the reminder keeps out of; null for <see cref="Deliberation.Civic.Scheduling.QuietHours.Default"/>.</param>
/// <param name="SeatsBySize">Without <paramref name="Seats"/>: each election's seats by the households it speaks for (<see cref="Election.SeatsBySize"/>) instead of 1.</param>
public sealed record ElectionSettings(int? Seats, DateTimeOffset? NominationsCloseAt, DateTimeOffset? BallotClosesAt, TimeSpan? ReminderBefore,
    string? TieRule, string? CountingMethod, IReadOnlyDictionary<Guid, int>? SeatsByBuildingGroup = null,
    Deliberation.Civic.Scheduling.QuietHours? QuietHours = null, bool SeatsBySize = false);
