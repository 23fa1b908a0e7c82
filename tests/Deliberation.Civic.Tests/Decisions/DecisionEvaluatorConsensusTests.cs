using Deliberation.Civic.Decisions;
using Deliberation.Civic.Tests.Support;

namespace Deliberation.Civic.Tests.Decisions;

/// <summary>共识决 and 同意决.</summary>
[Trait("Category", "Deliberation")]
public sealed class DecisionEvaluatorConsensusTests
{
    private static readonly RulesOfProcedure Consensus = RulesTemplates.Consensus.Rules;
    private static readonly RulesOfProcedure Consent = RulesTemplates.Consent.Rules;

    [Fact]
    public void Evaluate_ConsensusAllYes_Passes()
    {
        var result = DecisionEvaluator.Evaluate(Consensus, Rolls.Of(yes: 5));

        Assert.True(result.Passed);
        Assert.Null(result.Threshold);
        Assert.EndsWith("无反对票且有赞成票，形成共识，通过。", result.ExplanationZh, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ConsensusOneNo_Fails()
    {
        var result = DecisionEvaluator.Evaluate(Consensus, Rolls.Of(yes: 9, no: 1));

        Assert.False(result.Passed);
        Assert.Contains("有反对票 1 票，未形成共识，未通过。", result.ExplanationZh, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ConsensusOneBlock_CountsAsNoAndFails()
    {
        var result = DecisionEvaluator.Evaluate(Consensus, Rolls.Of(yes: 9, block: 1));

        Assert.False(result.Passed);
        Assert.Equal((0, 1), (result.No, result.Blocks));
        Assert.Single(result.Blocking);
    }

    [Fact]
    public void Evaluate_ConsensusAbstentionsAndStandAsides_DoNotBreakIt()
    {
        var result = DecisionEvaluator.Evaluate(Consensus, Rolls.Of(yes: 2, abstain: 1, standAside: 1));

        Assert.True(result.Passed);
        Assert.Contains("1 人保留意见，已记录。", result.ExplanationZh, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ConsensusWithoutAnyYes_Fails()
    {
        var result = DecisionEvaluator.Evaluate(Consensus, Rolls.Of(abstain: 3));

        Assert.True(result.QuorumMet);
        Assert.False(result.Passed);
        Assert.Contains("没有赞成票", result.ExplanationZh, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ConsensusQuorumNotMet_FailsThoughUnanimous()
    {
        // Template quorum 2/3: 6 of 10 present falls short.
        var result = DecisionEvaluator.Evaluate(Consensus, Rolls.Of(yes: 6, absent: 4));

        Assert.False(result.QuorumMet);
        Assert.False(result.Passed);
    }

    [Fact]
    public void Evaluate_ConsentWithoutBlock_PassesAndListsStandAsidesWithReasons()
    {
        var standAside = new Ballot(Guid.NewGuid(), BallotChoices.StandAside, "担心噪音，但不反对试行");
        List<Ballot> roll = [.. Rolls.Of(yes: 3, no: 1, abstain: 1), standAside];

        var result = DecisionEvaluator.Evaluate(Consent, roll);

        Assert.True(result.Passed);
        Assert.Equal(standAside, Assert.Single(result.StandingAside));
        Assert.Equal("担心噪音，但不反对试行", result.StandingAside[0].Reason);
        Assert.Contains("无阻止性异议，通过。1 人保留意见，已记录。", result.ExplanationZh, StringComparison.Ordinal);
        Assert.Contains("No blocking objection: passed. 1 stand-aside recorded.", result.ExplanationEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ConsentOneBlock_FailsAndListsTheBlockWithItsReason()
    {
        var block = new Ballot(Guid.NewGuid(), BallotChoices.Block, "充电桩位置挡住消防通道");
        List<Ballot> roll = [.. Rolls.Of(yes: 8), block];

        var result = DecisionEvaluator.Evaluate(Consent, roll);

        Assert.False(result.Passed);
        Assert.Equal(block, Assert.Single(result.Blocking));
        Assert.Contains("有 1 票阻止性异议，未通过。", result.ExplanationZh, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ConsentNoVotesWithoutBlock_DoNotFailIt()
    {
        // Consent fails only on a block: a plain "no" is disagreement the member lets pass.
        var result = DecisionEvaluator.Evaluate(Consent, Rolls.Of(yes: 2, no: 2));

        Assert.True(result.Passed);
    }

    [Fact]
    public void Evaluate_ConsentQuorumNotMet_Fails()
    {
        var result = DecisionEvaluator.Evaluate(Consent, Rolls.Of(yes: 1, absent: 2));

        Assert.False(result.Passed);
        Assert.Contains("未达到法定人数（有表决权成员的三分之二）", result.ExplanationZh, StringComparison.Ordinal);
    }
}
