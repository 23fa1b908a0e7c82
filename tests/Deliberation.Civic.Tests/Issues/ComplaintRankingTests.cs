using Deliberation.Civic.Issues;

namespace Deliberation.Civic.Tests.Issues;

[Trait("Category", "Deliberation")]
public sealed class ComplaintRankingTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);

    private static RankingCandidate Candidate(int reporters, int urgency, int severity, int households, int minutesAfter = 0) =>
        new(new Complaint
        {
            Id = Guid.NewGuid(), ReporterCount = reporters, Urgency = urgency, Severity = severity,
            LoggedAt = Monday.AddMinutes(minutesAfter), Status = ComplaintStatus.Open,
        }, households);

    [Fact]
    public void Rank_DefaultWeights_ScoresByTheFormulaWithEachPart()
    {
        var ranked = Assert.Single(ComplaintRanking.Rank([Candidate(12, 4, 5, 30)], 120, new RankingOptions()));

        var r = Math.Log10(13) / Math.Log10(51);
        Assert.Equal(Math.Round(100 * (0.3 * r + 0.25 * 0.75 + 0.25 * 1 + 0.2 * 0.25), 1), ranked.Score);
        Assert.Equal(68.3, ranked.Score);
        Assert.Equal(["reporters", "urgency", "severity", "share"], ranked.Parts.Select(p => p.Name));
        Assert.Equal([12.0, 4, 5, 30], ranked.Parts.Select(p => p.Raw));
        Assert.Equal([Math.Round(r, 4), 0.75, 1, 0.25], ranked.Parts.Select(p => p.Normalized));
        Assert.Equal([0.3, 0.25, 0.25, 0.2], ranked.Parts.Select(p => p.Weight));
        Assert.Equal([Math.Round(30 * r, 2), 18.75, 25, 5], ranked.Parts.Select(p => p.Contribution));
        Assert.Equal(1, ranked.Rank);
        Assert.Equal((30, 120), (ranked.AffectedHouseholds, ranked.CommunityHouseholds));
    }

    [Fact]
    public void Rank_SeveralComplaints_HighestScoreFirstAndTiesToTheEarlierLogged()
    {
        var later = Candidate(5, 3, 3, 10, minutesAfter: 10);
        var earlier = Candidate(5, 3, 3, 10, minutesAfter: 5);
        var top = Candidate(50, 5, 5, 100);
        var bottom = Candidate(1, 1, 1, 0);

        var ranked = ComplaintRanking.Rank([later, bottom, earlier, top], 100, new RankingOptions());

        Assert.Equal([top.Complaint.Id, earlier.Complaint.Id, later.Complaint.Id, bottom.Complaint.Id], ranked.Select(r => r.Complaint.Id));
        Assert.Equal([1, 2, 3, 4], ranked.Select(r => r.Rank));
        Assert.Equal(100, ranked[0].Score);
        Assert.Equal(100 * 0.3 * Math.Log10(2) / Math.Log10(51), ranked[3].Score, 1);
    }

    [Fact]
    public void ReporterPart_GrowsLogarithmicallyAndSaturates()
    {
        Assert.Equal(Math.Log10(6) / Math.Log10(51), ComplaintRanking.ReporterPart(5, 50), 10);
        Assert.Equal(1, ComplaintRanking.ReporterPart(50, 50));
        Assert.Equal(1, ComplaintRanking.ReporterPart(500, 50));
        Assert.True(ComplaintRanking.ReporterPart(5, 50) - ComplaintRanking.ReporterPart(4, 50) > ComplaintRanking.ReporterPart(45, 50) - ComplaintRanking.ReporterPart(44, 50));
    }

    [Fact]
    public void Rank_WeightsNotSummingToOne_AreRelative()
    {
        var candidate = Candidate(12, 4, 5, 30);

        var scaled = Assert.Single(ComplaintRanking.Rank([candidate], 120, new RankingOptions { Reporters = 3, Urgency = 2.5, Severity = 2.5, Share = 2 }));
        var onlyUrgency = Assert.Single(ComplaintRanking.Rank([candidate], 120, new RankingOptions { Reporters = 0, Urgency = 1, Severity = 0, Share = 0 }));

        Assert.Equal(68.3, scaled.Score);
        Assert.Equal(75, onlyUrgency.Score);
        Assert.Equal(75, onlyUrgency.Parts.Sum(p => p.Contribution));
    }

    [Fact]
    public void Rank_CommunityWithoutHouseholds_ShareIsZero()
    {
        var ranked = Assert.Single(ComplaintRanking.Rank([Candidate(1, 5, 5, 0)], 0, new RankingOptions()));

        Assert.Equal(0, ranked.Parts[3].Normalized);
        Assert.Equal(Math.Round(100 * ((0.3 * Math.Log10(2) / Math.Log10(51)) + 0.25 + 0.25), 1), ranked.Score);
    }

    [Fact]
    public void Validate_NegativeZeroOrNonsense_ListsEachProblem()
    {
        Assert.Empty(new RankingOptions().Validate());
        Assert.Single(new RankingOptions { Urgency = -0.1 }.Validate(), p => p.Contains("Urgency", StringComparison.Ordinal));
        Assert.Single(new RankingOptions { Reporters = 0, Urgency = 0, Severity = 0, Share = 0 }.Validate());
        Assert.Single(new RankingOptions { ReporterSaturation = 0 }.Validate(), p => p.Contains("ReporterSaturation", StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => ComplaintRanking.Rank([], 1, new RankingOptions { Share = double.NaN }));
    }
}
