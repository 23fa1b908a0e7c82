using Deliberation.Civic.Elections;

namespace Deliberation.Civic.Tests.Elections;

[Trait("Category", "Deliberation")]
public sealed class PluralityCountTests
{
    private static readonly Guid A = new("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = new("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid C = new("00000000-0000-0000-0000-00000000000c");
    private static readonly Guid D = new("00000000-0000-0000-0000-00000000000d");

    private static IEnumerable<Guid?> Votes(params (Guid Candidate, int Count)[] tally) =>
        tally.SelectMany(t => Enumerable.Repeat<Guid?>(t.Candidate, t.Count));

    [Fact]
    public void Count_MostVotesWin_RanksEveryCandidateWithCounts()
    {
        var result = PluralityCount.Count([A, B, C], Votes((A, 2), (B, 5), (C, 1)), seats: 2);

        Assert.Equal([B, A], result.Elected);
        Assert.Equal([(B, 5, 1, true), (A, 2, 2, true), (C, 1, 3, false)],
            result.Ranking.Select(r => (r.CandidateId, r.Votes, r.Rank, r.Elected)));
        Assert.Equal(8, result.Counted);
        Assert.Empty(result.TiedForLastSeat);
        Assert.False(result.TieUnresolved);
    }

    [Fact]
    public void Count_BlankAndUnknownChoices_AreCountedAsBlankNotForAnyone()
    {
        var result = PluralityCount.Count([A, B], [A, null, Guid.NewGuid(), B, A], seats: 1);

        Assert.Equal([A], result.Elected);
        Assert.Equal(3, result.Counted);
        Assert.Equal(2, result.Blank);
    }

    [Fact]
    public void Count_SeveralSeats_EachBallotVotesForUpToOneCandidatePerSeat_AnOverVoteIsBlank()
    {
        IReadOnlyCollection<Guid>[] ballots = [[A, B], [A, C], [B, A], [C], [A, B, C], [D, A], [B, B], []];

        var result = PluralityCount.Count([A, B, C], ballots, seats: 2);

        // A: 3 votes, B: 3 (its double choice counts once), C: 2; [A, B, C] chose three for two seats, [D, A] names no candidate D.
        Assert.Equal([(A, 3), (B, 3), (C, 2)], result.Ranking.Select(r => (r.CandidateId, r.Votes)));
        Assert.Equal([A, B], result.Elected);
        Assert.Equal((5, 3), (result.Counted, result.Blank));
    }

    [Fact]
    public void Count_CandidateWithoutVotes_IsNotElectedEvenWithSeatsLeft()
    {
        var result = PluralityCount.Count([A, B, C], Votes((A, 3)), seats: 3);

        Assert.Equal([A], result.Elected);
        Assert.Empty(result.TiedForLastSeat);
    }

    [Fact]
    public void Count_TieForLastSeatWithoutRule_IsUnresolvedAndLeavesTheSeatOpen()
    {
        var result = PluralityCount.Count([A, B, C], Votes((A, 4), (B, 2), (C, 2)), seats: 2);

        Assert.True(result.TieUnresolved);
        Assert.Equal([B, C], result.TiedForLastSeat.Order());
        Assert.Equal([A], result.Elected);
    }

    [Fact]
    public void Count_TieBelowTheSeats_IsNotATieForTheLastSeat()
    {
        var result = PluralityCount.Count([A, B, C], Votes((A, 4), (B, 2), (C, 2)), seats: 1);

        Assert.False(result.TieUnresolved);
        Assert.Empty(result.TiedForLastSeat);
        Assert.True(result.AnyTie);
        Assert.Equal([A], result.Elected);
    }

    [Fact]
    public void Count_LotsWithTheSameSeed_GiveTheSameResultEveryTime()
    {
        var seed = PluralityCount.NewSeed();
        var votes = Votes((A, 2), (B, 2), (C, 2), (D, 1)).ToList();

        var first = PluralityCount.Count([A, B, C, D], votes, seats: 1, seed);
        var recount = PluralityCount.Count([A, B, C, D], votes, seats: 1, seed);
        var shuffledInput = PluralityCount.Count([D, C, B, A], votes.AsEnumerable().Reverse(), seats: 1, seed);

        Assert.False(first.TieUnresolved);
        Assert.Single(first.Elected);
        Assert.Equal(first.Ranking, recount.Ranking);
        Assert.Equal(first.Ranking, shuffledInput.Ranking);
        Assert.Equal(D, first.Ranking[^1].CandidateId);
    }

    [Fact]
    public void Count_LotsWithAFixedSeed_FollowTheHmacOfTheCandidateIds()
    {
        const string seed = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
        var expected = new[] { A, B, C }.OrderBy(c => Convert.ToHexString(PluralityCount.LotKey(Convert.FromHexString(seed), c)), StringComparer.Ordinal).ToList();

        var result = PluralityCount.Count([A, B, C], Votes((A, 1), (B, 1), (C, 1)), seats: 1, seed);

        Assert.Equal(expected, result.Ranking.Select(r => r.CandidateId));
        Assert.Equal([expected[0]], result.Elected);
    }

    [Fact]
    public void Count_DifferentSeeds_CanOrderTheTieDifferently()
    {
        var votes = Votes((A, 1), (B, 1), (C, 1), (D, 1)).ToList();

        var winners = Enumerable.Range(0, 40).Select(_ => PluralityCount.Count([A, B, C, D], votes, 1, PluralityCount.NewSeed()).Elected.Single()).ToHashSet();

        Assert.True(winners.Count > 1, "Forty draws all gave the same winner; the seed does not drive the draw.");
    }

    [Fact]
    public void Count_StaffOrder_DecidesTheTieForTheLastSeat()
    {
        var result = PluralityCount.Count([A, B, C], Votes((A, 4), (B, 2), (C, 2)), seats: 2, staffOrder: [C, B]);

        Assert.False(result.TieUnresolved);
        Assert.Equal([A, C], result.Elected);
        Assert.Equal([A, C, B], result.Ranking.Select(r => r.CandidateId));
    }

    [Fact]
    public void Count_StaffOrderNotTheTiedCandidates_Throws()
    {
        Assert.Throws<ArgumentException>(() => PluralityCount.Count([A, B, C], Votes((A, 4), (B, 2), (C, 2)), seats: 2, staffOrder: [A, B]));
    }

    [Fact]
    public void NextInCount_RepresentativeDropsOut_IsTheBestPlacedNotElectedWithVotes()
    {
        var result = PluralityCount.Count([A, B, C, D], Votes((A, 5), (B, 4), (C, 3)), seats: 2);

        var first = PluralityCount.NextInCount(result.Ranking, new HashSet<Guid>());
        var second = PluralityCount.NextInCount(result.Ranking, new HashSet<Guid> { C });

        Assert.Equal(C, first!.CandidateId);
        Assert.Null(second); // D has no votes
    }
}
