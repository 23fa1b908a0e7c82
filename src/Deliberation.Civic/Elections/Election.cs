namespace Deliberation.Civic.Elections;

/// <summary>
/// One election of an affected group: layer 1 elects a building group's delegates (or, for a
/// single-layer group, its representatives) with one vote per household; layer 2 elects the group's
/// representatives from the delegates with one vote per delegate. Each has a nomination window, a
/// ballot by link with a deadline and a reminder, a counting method and a tie rule.
/// </summary>
public sealed class Election
{
    /// <summary>The fewest seats.</summary>
    public const int MinSeats = 1;

    /// <summary>The most seats: the seed elects 1–3 representatives.</summary>
    public const int MaxSeats = 3;

    /// <summary>
    /// Seats by size, the rule when the workflow gives none: those speaking for up to 60 households elect one, up to 150
    /// two, more three — so that 36-household 3栋 sends one and 180-household 5栋 three.
    /// </summary>
    public static int SeatsBySize(int households) => households <= 60 ? 1 : households <= 150 ? 2 : 3;

    /// <summary>Id.</summary>
    public Guid Id { get; set; }

    /// <summary>The community.</summary>
    public Guid CommunityId { get; set; }

    /// <summary>The case.</summary>
    public Guid CaseId { get; set; }

    /// <summary>The affected group.</summary>
    public Guid GroupId { get; set; }

    /// <summary>1: households of <see cref="BuildingGroupId"/> vote; 2: the group's delegates vote.</summary>
    public int Layer { get; set; } = 1;

    /// <summary>The building group whose households vote (layer 1); null for layer 2.</summary>
    public Guid? BuildingGroupId { get; set; }

    /// <summary>The entrance (单元) of <see cref="BuildingGroupId"/> whose households vote, when a large building elects by entrance; else null.</summary>
    public string? Entrance { get; set; }

    /// <summary>Whether the winners become representatives on the panel (layer 2, or a single-layer group) rather than delegates.</summary>
    public bool ElectsRepresentatives { get; set; }

    /// <summary>How many are elected, <see cref="MinSeats"/>–<see cref="MaxSeats"/>.</summary>
    public int Seats { get; set; } = 1;

    /// <summary>One of <see cref="CountingMethods"/>.</summary>
    public string CountingMethod { get; set; } = CountingMethods.Plurality;

    /// <summary>One of <see cref="TieRules"/>.</summary>
    public string TieRule { get; set; } = TieRules.Lots;

    /// <summary>When nominations opened.</summary>
    public DateTimeOffset NominationsOpenAt { get; set; }

    /// <summary>When nominations close; nominations after it are refused.</summary>
    public DateTimeOffset NominationsCloseAt { get; set; }

    /// <summary>The ballot deadline; votes can change until then.</summary>
    public DateTimeOffset BallotClosesAt { get; set; }

    /// <summary>How long before the deadline those who have not voted are reminded.</summary>
    public TimeSpan ReminderBefore { get; set; }

    /// <summary>
    /// When those who have not voted are reminded: <see cref="ReminderBefore"/> the deadline, moved out of the quiet hours
    /// (<see cref="ElectionReminders.Plan"/>); null when there is no time for a reminder while the ballot is open.
    /// </summary>
    public DateTimeOffset? ReminderAt { get; set; }

    /// <summary>One of <see cref="ElectionStatuses"/>.</summary>
    public string Status { get; set; } = ElectionStatuses.Nominating;

    /// <summary>When the ballots went out.</summary>
    public DateTimeOffset? BallotsOpenedAt { get; set; }

    /// <summary>How many ballots went out (one per household, or per delegate).</summary>
    public int BallotsIssued { get; set; }

    /// <summary>How many ballots were counted (those with a current answer).</summary>
    public int BallotsCast { get; set; }

    /// <summary>When the votes were counted (and the ballots closed).</summary>
    public DateTimeOffset? CountedAt { get; set; }

    /// <summary>The lots seed (hex), when a tie was broken by drawing lots: a recount with it gives the same order.</summary>
    public string? LotsSeed { get; set; }

    /// <summary>Why staff decided a tie the way they did (tie rule <c>staff</c>).</summary>
    public string? TieDecisionReason { get; set; }

    /// <summary>The account that decided the tie.</summary>
    public Guid? TieDecidedByUserId { get; set; }

    /// <summary>When the tie was decided.</summary>
    public DateTimeOffset? TieDecidedAt { get; set; }

    /// <summary>When it was opened.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
