using Deliberation.Civic.Decisions;

namespace Deliberation.Civic.Tests.Support;

/// <summary>Rolls of ballots for decision tests.</summary>
public static class Rolls
{
    /// <summary>A roll of eligible voters: so many of each choice, and <paramref name="absent"/> who did not take part.</summary>
    public static List<Ballot> Of(int yes = 0, int no = 0, int abstain = 0, int block = 0, int standAside = 0, int absent = 0) =>
    [
        .. Many(BallotChoices.Yes, yes),
        .. Many(BallotChoices.No, no),
        .. Many(BallotChoices.Abstain, abstain),
        .. Many(BallotChoices.Block, block),
        .. Many(BallotChoices.StandAside, standAside),
        .. Many(null, absent),
    ];

    /// <summary>An owner under Article 278 with an exclusive area in m²; a null choice did not take part.</summary>
    public static Ballot Owner(string? choice, decimal area) => new(Guid.NewGuid(), choice, Area: area);

    /// <summary>A professional advisor with a choice.</summary>
    public static Ballot Advisor(string? choice) => new(Guid.NewGuid(), choice, Advisor: true);

    private static IEnumerable<Ballot> Many(string? choice, int count) =>
        Enumerable.Range(0, count).Select(_ => new Ballot(Guid.NewGuid(), choice));
}
