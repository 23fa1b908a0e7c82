using Deliberation.Civic.Decisions;
using Deliberation.Civic.Tests.Support;

namespace Deliberation.Civic.Tests.Decisions;

/// <summary>Simple majority, two-thirds, and the quorum every rule but Article 278 shares.</summary>
[Trait("Category", "Deliberation")]
public sealed class DecisionEvaluatorMajorityTests
{
    private static readonly RulesOfProcedure Majority = RulesTemplates.ResidentsCouncil.Rules;
    private static readonly RulesOfProcedure TwoThirds = RulesTemplates.ResidentsCouncil.Rules with { Rule = DecisionRules.TwoThirds };

    [Fact]
    public void Evaluate_SimpleMajoritySevenOfTen_PassesAndExplainsTheFormula()
    {
        var result = DecisionEvaluator.Evaluate(Majority, Rolls.Of(yes: 7, no: 3, abstain: 2));

        Assert.True(result.Passed);
        Assert.True(result.QuorumMet);
        Assert.Equal((7, 3, 2, 10), (result.Yes, result.No, result.Abstentions, result.VotesCast));
        Assert.Equal((12, 12), (result.Present, result.Eligible));
        Assert.Equal(Fraction.Half, result.Threshold);
        Assert.True(result.ThresholdStrict);
        Assert.Equal(70m, result.YesOfVotesCast.Percent);
        Assert.Contains("赞成 7 票，占有效表决票 10 票的 70%，超过半数，通过。", result.ExplanationZh, StringComparison.Ordinal);
        Assert.Contains("弃权 2 票", result.ExplanationZh, StringComparison.Ordinal);
        Assert.Contains("7 yes of 10 votes cast (70%): more than half, passed.", result.ExplanationEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_SimpleMajorityExactlyHalf_FailsBecauseMoreThanHalfIsStrict()
    {
        var result = DecisionEvaluator.Evaluate(Majority, Rolls.Of(yes: 5, no: 5));

        Assert.False(result.Passed);
        Assert.Contains("赞成 5 票，占有效表决票 10 票的 50%，未超过半数，未通过。", result.ExplanationZh, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_SimpleMajorityManyAbstentions_AbstentionsAreNotVotesCast()
    {
        var result = DecisionEvaluator.Evaluate(Majority, Rolls.Of(yes: 3, no: 2, abstain: 10));

        Assert.True(result.Passed);
        Assert.Equal(5, result.VotesCast);
        Assert.Equal(15, result.Present);
    }

    [Fact]
    public void Evaluate_SimpleMajorityEveryoneAbstains_QuorumMetButNotPassed()
    {
        var result = DecisionEvaluator.Evaluate(Majority, Rolls.Of(abstain: 6));

        Assert.True(result.QuorumMet);
        Assert.False(result.Passed);
        Assert.Equal(0, result.VotesCast);
        Assert.Contains("没有有效表决票", result.ExplanationZh, StringComparison.Ordinal);
        Assert.Contains("No votes cast", result.ExplanationEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_SimpleMajorityBlock_CountsAsNo()
    {
        var result = DecisionEvaluator.Evaluate(Majority, Rolls.Of(yes: 2, no: 1, block: 1));

        Assert.False(result.Passed);
        Assert.Equal(4, result.VotesCast);
        Assert.Contains("反对 2 票（含阻止 1 票）", result.ExplanationZh, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_SimpleMajorityStandAside_CountsAsAbstention()
    {
        var result = DecisionEvaluator.Evaluate(Majority, Rolls.Of(yes: 2, no: 1, standAside: 3));

        Assert.True(result.Passed);
        Assert.Equal(3, result.VotesCast);
        Assert.Equal(6, result.Present);
        Assert.Equal(3, result.StandingAside.Count);
    }

    [Theory]
    [InlineData(2, 1, true)]       // exactly 2/3
    [InlineData(20, 10, true)]     // exactly 2/3
    [InlineData(66, 34, false)]    // 66/100 is just below
    [InlineData(67, 33, true)]
    [InlineData(1, 1, false)]
    public void Evaluate_TwoThirds_IsExact(int yes, int no, bool passed)
    {
        var result = DecisionEvaluator.Evaluate(TwoThirds, Rolls.Of(yes: yes, no: no));

        Assert.Equal(passed, result.Passed);
        Assert.Equal(Fraction.TwoThirds, result.Threshold);
        Assert.False(result.ThresholdStrict);
    }

    [Fact]
    public void Evaluate_TwoThirdsWithAbstentions_MeasuresOnlyVotesCast()
    {
        var result = DecisionEvaluator.Evaluate(TwoThirds, Rolls.Of(yes: 6, no: 3, abstain: 5));

        Assert.True(result.Passed);
        Assert.Contains("赞成 6 票，占有效表决票 9 票的 66.67%，达到三分之二，通过。", result.ExplanationZh, StringComparison.Ordinal);
        Assert.Contains("at least 2/3, passed", result.ExplanationEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_TwoThirdsNoVotesCast_FailsAlthough0IsTwoThirdsOf0()
    {
        var result = DecisionEvaluator.Evaluate(TwoThirds, Rolls.Of(abstain: 4));

        Assert.True(result.QuorumMet);
        Assert.False(result.Passed);
    }

    [Fact]
    public void Evaluate_QuorumExactlyReached_IsMet()
    {
        var result = DecisionEvaluator.Evaluate(Majority, Rolls.Of(yes: 3, no: 2, absent: 5));

        Assert.True(result.QuorumMet);
        Assert.True(result.Passed);
        Assert.Equal((5, 10), (result.Present, result.Eligible));
        Assert.Contains("出席有表决权成员 5 人，占有表决权成员 10 人的 50%，达到法定人数（有表决权成员的二分之一）。", result.ExplanationZh, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_QuorumOneShort_FailsEvenWhenEveryoneVotesYes()
    {
        var result = DecisionEvaluator.Evaluate(Majority, Rolls.Of(yes: 4, absent: 6));

        Assert.False(result.QuorumMet);
        Assert.False(result.Passed);
        Assert.Equal("出席有表决权成员 4 人，占有表决权成员 10 人的 40%，未达到法定人数（有表决权成员的二分之一），未通过。", result.ExplanationZh);
        Assert.Equal("4 of 10 eligible voters present (40%), below 1/2: quorum not met, not passed.", result.ExplanationEn);
    }

    [Fact]
    public void Evaluate_QuorumTwoThirdsJustBelow_IsNotMet()
    {
        var rules = Majority with { Quorum = Fraction.TwoThirds };

        Assert.True(DecisionEvaluator.Evaluate(rules, Rolls.Of(yes: 2, absent: 1)).QuorumMet);
        Assert.False(DecisionEvaluator.Evaluate(rules, Rolls.Of(yes: 66, absent: 34)).QuorumMet);
    }

    [Fact]
    public void Evaluate_AbstentionsAndStandAsides_CountAsPresentForTheQuorum()
    {
        var result = DecisionEvaluator.Evaluate(Majority, Rolls.Of(yes: 1, abstain: 2, standAside: 2, absent: 5));

        Assert.True(result.QuorumMet);
        Assert.Equal(5, result.Present);
    }

    [Fact]
    public void Evaluate_NobodyTookPart_QuorumNotMetAndNotPassed()
    {
        var result = DecisionEvaluator.Evaluate(Majority, Rolls.Of(absent: 9));

        Assert.False(result.QuorumMet);
        Assert.False(result.Passed);
        Assert.Equal((0, 9, 0), (result.Present, result.Eligible, result.VotesCast));
    }

    [Fact]
    public void Evaluate_EmptyRoll_QuorumNotMet()
    {
        var result = DecisionEvaluator.Evaluate(RulesTemplates.Consent.Rules, []);

        Assert.False(result.QuorumMet);
        Assert.False(result.Passed);
        Assert.Equal("没有有表决权成员，无法达到法定人数，未通过。", result.ExplanationZh);
    }

    [Fact]
    public void Evaluate_AdvisorsWhoDoNotVote_AreExcludedFromQuorumAndVotesAndListed()
    {
        // Two of four voters present is the 1/2 quorum; the two advisors' yes would have made it 4 of 6.
        List<Ballot> roll = [.. Rolls.Of(yes: 1, no: 1, absent: 2), Rolls.Advisor(BallotChoices.Yes), Rolls.Advisor(BallotChoices.Yes)];

        var result = DecisionEvaluator.Evaluate(Majority, roll);

        Assert.Equal((2, 4), (result.Present, result.Eligible));
        Assert.Equal((1, 1), (result.Yes, result.No));
        Assert.False(result.Passed);
        Assert.Equal(2, result.NotCounted.Count);
        Assert.All(result.NotCounted, b => Assert.True(b.Advisor));
    }

    [Fact]
    public void Evaluate_AdvisorsWhoDoNotVoteAndAreAbsent_DoNotLowerTheQuorum()
    {
        List<Ballot> roll = [.. Rolls.Of(yes: 1, absent: 2), Rolls.Advisor(null), Rolls.Advisor(null), Rolls.Advisor(null)];

        var result = DecisionEvaluator.Evaluate(Majority, roll);

        Assert.Equal((1, 3), (result.Present, result.Eligible));
        Assert.False(result.QuorumMet);
        Assert.Empty(result.NotCounted);
    }

    [Fact]
    public void Evaluate_AdvisorsWhenRulesLetThemVote_AreCountedLikeVoters()
    {
        List<Ballot> roll = [.. Rolls.Of(yes: 1, no: 1, absent: 2), Rolls.Advisor(BallotChoices.Yes), Rolls.Advisor(null)];

        var result = DecisionEvaluator.Evaluate(Majority with { AdvisorsVote = true }, roll);

        Assert.Equal((3, 6), (result.Present, result.Eligible));
        Assert.Equal(2, result.Yes);
        Assert.True(result.Passed);
        Assert.Empty(result.NotCounted);
    }

    [Fact]
    public void Evaluate_PeopleWithoutAVote_AreNotCounted()
    {
        List<Ballot> roll = [.. Rolls.Of(yes: 1, no: 2), new Ballot(Guid.NewGuid(), BallotChoices.Yes, Eligible: false),
            new Ballot(Guid.NewGuid(), BallotChoices.Yes, Eligible: false, Advisor: true)];

        var result = DecisionEvaluator.Evaluate(Majority with { AdvisorsVote = true }, roll);

        Assert.Equal((3, 3, 1), (result.Present, result.Eligible, result.Yes));
        Assert.False(result.Passed);
        Assert.Equal(2, result.NotCounted.Count);
    }

    [Fact]
    public void Evaluate_VoterTwiceOnTheRoll_Throws()
    {
        var id = Guid.NewGuid();

        Assert.Throws<ArgumentException>(() => DecisionEvaluator.Evaluate(Majority, [new Ballot(id, BallotChoices.Yes), new Ballot(id, BallotChoices.No)]));
    }

    [Fact]
    public void Evaluate_UnknownChoice_Throws() =>
        Assert.Throws<ArgumentException>(() => DecisionEvaluator.Evaluate(Majority, [new Ballot(Guid.NewGuid(), "maybe")]));
}
