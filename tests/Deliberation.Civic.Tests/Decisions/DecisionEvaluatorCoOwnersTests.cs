using Deliberation.Civic.Decisions;
using static Deliberation.Civic.Decisions.BallotChoices;
using static Deliberation.Civic.Tests.Support.Rolls;

namespace Deliberation.Civic.Tests.Decisions;

/// <summary>业主共同决定, 民法典 Article 278: headcount and exclusive area, participation then approval.</summary>
[Trait("Category", "Deliberation")]
public sealed class DecisionEvaluatorCoOwnersTests
{
    private static readonly RulesOfProcedure Items6To8 = RulesTemplates.CoOwnersItems6To8.Rules;
    private static readonly RulesOfProcedure Other = RulesTemplates.CoOwnersOther.Rules;

    [Fact]
    public void Evaluate_Items6To8ExactlyThreeQuartersOfBoth_Passes()
    {
        var result = DecisionEvaluator.Evaluate(Items6To8, [Owner(Yes, 100), Owner(Yes, 100), Owner(Yes, 100), Owner(No, 100)]);

        Assert.True(result.Passed);
        var f = result.CoOwners!;
        Assert.Equal(Fraction.ThreeQuarters, f.ApprovalThreshold);
        Assert.False(f.ApprovalStrict);
        Assert.Equal(new Share(3, 4), f.OwnerApproval);
        Assert.Equal(new Share(300, 400), f.AreaApproval);
        Assert.Equal("参与表决业主 4 人，占业主总人数 4 人的 100%，达到三分之二；其专有部分面积 400 平方米，占总面积 400 平方米的 100%，达到三分之二。"
            + "同意业主 3 人，占参与表决人数 4 人的 75%，达到四分之三；其专有部分面积 300 平方米，占参与表决面积 400 平方米的 75%，达到四分之三。"
            + "按民法典第二百七十八条第一款第六至八项，通过。", result.ExplanationZh);
        Assert.EndsWith("Under Civil Code Art. 278, items 6–8: passed.", result.ExplanationEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_Items6To8HeadcountMetAreaShort_Fails()
    {
        // 3 of 4 owners approve, but they hold only 300 of 600 m².
        var result = DecisionEvaluator.Evaluate(Items6To8, [Owner(Yes, 100), Owner(Yes, 100), Owner(Yes, 100), Owner(No, 300)]);

        Assert.False(result.Passed);
        Assert.True(result.QuorumMet);
        Assert.True(result.CoOwners!.OwnerApprovalMet);
        Assert.False(result.CoOwners.AreaApprovalMet);
        Assert.Contains("占参与表决面积 600 平方米的 50%，未达到四分之三", result.ExplanationZh, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_Items6To8AreaMetHeadcountShort_Fails()
    {
        // 600 of 800 m² approve (3/4), but only 2 of 4 owners.
        var result = DecisionEvaluator.Evaluate(Items6To8, [Owner(Yes, 500), Owner(Yes, 100), Owner(No, 100), Owner(No, 100)]);

        Assert.False(result.Passed);
        Assert.True(result.CoOwners!.AreaApprovalMet);
        Assert.False(result.CoOwners.OwnerApprovalMet);
    }

    [Fact]
    public void Evaluate_Items6To8AbstentionsCountAsParticipating_AndLowerTheApprovalShare()
    {
        var fourParticipate = DecisionEvaluator.Evaluate(Items6To8, [Owner(Yes, 100), Owner(Yes, 100), Owner(Yes, 100), Owner(Abstain, 100)]);
        var fiveParticipate = DecisionEvaluator.Evaluate(Items6To8,
            [Owner(Yes, 100), Owner(Yes, 100), Owner(Yes, 100), Owner(Abstain, 100), Owner(No, 100)]);

        Assert.True(fourParticipate.Passed);
        Assert.False(fiveParticipate.Passed);
        Assert.Equal(new Share(3, 5), fiveParticipate.CoOwners!.OwnerApproval);
    }

    [Fact]
    public void Evaluate_ParticipationExactlyTwoThirdsOfBoth_IsMet()
    {
        var result = DecisionEvaluator.Evaluate(Items6To8, [Owner(Yes, 100), Owner(Yes, 100), Owner(null, 100)]);

        Assert.True(result.QuorumMet);
        Assert.True(result.Passed);
        Assert.Equal((2, 3), (result.Present, result.Eligible));
        Assert.Equal(new Share(200, 300), result.CoOwners!.AreaParticipation);
    }

    [Fact]
    public void Evaluate_ParticipationAreaJustBelowTwoThirds_Fails()
    {
        // Headcount 2 of 3 reaches 2/3; 200 of 300.01 m² does not.
        var result = DecisionEvaluator.Evaluate(Items6To8, [Owner(Yes, 100), Owner(Yes, 100), Owner(null, 100.01m)]);

        Assert.False(result.QuorumMet);
        Assert.False(result.Passed);
        Assert.True(result.CoOwners!.OwnerParticipationMet);
        Assert.False(result.CoOwners.AreaParticipationMet);
        Assert.EndsWith("未达到三分之二。参与表决未达到民法典第二百七十八条的要求，未通过。", result.ExplanationZh, StringComparison.Ordinal);
        Assert.EndsWith("Participation falls short of Civil Code Art. 278: not passed.", result.ExplanationEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ParticipationAreaMetHeadcountShort_Fails()
    {
        // The three large flats take part: 600 of 750 m², but 3 of 6 owners.
        var result = DecisionEvaluator.Evaluate(Other,
            [Owner(Yes, 200), Owner(Yes, 200), Owner(Yes, 200), Owner(null, 50), Owner(null, 50), Owner(null, 50)]);

        Assert.False(result.Passed);
        Assert.True(result.CoOwners!.AreaParticipationMet);
        Assert.False(result.CoOwners.OwnerParticipationMet);
    }

    [Fact]
    public void Evaluate_ParticipationHeadcountMetAreaShort_Fails()
    {
        // The three small flats and one large take part: 4 of 6 owners, but 350 of 750 m².
        var result = DecisionEvaluator.Evaluate(Other,
            [Owner(Yes, 200), Owner(null, 200), Owner(null, 200), Owner(Yes, 50), Owner(Yes, 50), Owner(Yes, 50)]);

        Assert.False(result.Passed);
        Assert.True(result.CoOwners!.OwnerParticipationMet);
        Assert.False(result.CoOwners.AreaParticipationMet);
    }

    [Fact]
    public void Evaluate_OtherMatterExactlyHalf_FailsBecauseMoreThanHalfIsStrict()
    {
        var result = DecisionEvaluator.Evaluate(Other, [Owner(Yes, 100), Owner(Yes, 100), Owner(No, 100), Owner(No, 100)]);

        Assert.False(result.Passed);
        Assert.True(result.CoOwners!.ApprovalStrict);
        Assert.Equal(Fraction.Half, result.CoOwners.ApprovalThreshold);
        Assert.Contains("占参与表决人数 4 人的 50%，未超过半数", result.ExplanationZh, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_OtherMatterHeadcountMetAreaShort_Fails()
    {
        var result = DecisionEvaluator.Evaluate(Other, [Owner(Yes, 100), Owner(Yes, 100), Owner(No, 300)]);

        Assert.False(result.Passed);
        Assert.True(result.CoOwners!.OwnerApprovalMet);
        Assert.False(result.CoOwners.AreaApprovalMet);
    }

    [Fact]
    public void Evaluate_SeventyPercentOfBoth_PassesOtherMattersButNotItems6To8()
    {
        var roll = Enumerable.Range(0, 10).Select(i => Owner(i < 7 ? Yes : No, 90.5m)).ToList();

        var items6To8 = DecisionEvaluator.Evaluate(Items6To8, roll);
        var other = DecisionEvaluator.Evaluate(Other, roll);

        Assert.False(items6To8.Passed);
        Assert.True(other.Passed);
        Assert.EndsWith("按民法典第二百七十八条（其他事项），通过。", other.ExplanationZh, StringComparison.Ordinal);
        Assert.Contains("they hold 633.5 of 905 participating m² (70%), more than half", other.ExplanationEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NobodyTookPart_ParticipationNotMet()
    {
        var result = DecisionEvaluator.Evaluate(Other, [Owner(null, 80), Owner(null, 90)]);

        Assert.False(result.QuorumMet);
        Assert.False(result.Passed);
        Assert.Equal(new Share(0, 0), result.CoOwners!.OwnerApproval);
    }

    [Fact]
    public void Evaluate_HigherParticipationQuorum_AppliesToBoth()
    {
        var rules = Items6To8 with { Quorum = Fraction.ThreeQuarters };

        var result = DecisionEvaluator.Evaluate(rules, [Owner(Yes, 100), Owner(Yes, 100), Owner(null, 100)]);

        Assert.False(result.QuorumMet);
        Assert.Equal(Fraction.ThreeQuarters, result.CoOwners!.ParticipationThreshold);
    }

    [Fact]
    public void Evaluate_OwnerWithoutArea_Throws() =>
        Assert.Throws<ArgumentException>(() => DecisionEvaluator.Evaluate(Other, [Owner(Yes, 100), new Ballot(Guid.NewGuid(), Yes)]));

    [Fact]
    public void Evaluate_NegativeArea_Throws() =>
        Assert.Throws<ArgumentException>(() => DecisionEvaluator.Evaluate(Other, [Owner(Yes, -1)]));
}
