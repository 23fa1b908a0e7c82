using Deliberation.Civic.Decisions;
using Deliberation.Civic.Tests.Support;

namespace Deliberation.Civic.Tests.Decisions;

[Trait("Category", "Deliberation")]
public sealed class RulesOfProcedureTests
{
    [Fact]
    public void Templates_AreAllValidWithUniqueCodesAndChineseNames()
    {
        Assert.All(RulesTemplates.All, t => Assert.Empty(t.Rules.Validate()));
        Assert.Equal(RulesTemplates.All.Count, RulesTemplates.All.Select(t => t.Code).Distinct().Count());
        Assert.Contains(RulesTemplates.All, t => t.NameZh == "居民议事会（简单多数）");
        Assert.Contains(RulesTemplates.All, t => t.NameZh == "共识决");
        Assert.Contains(RulesTemplates.All, t => t.NameZh == "同意决");
        Assert.Contains(RulesTemplates.All, t => t.NameZh.StartsWith("业主共同决定（民法典第278条", StringComparison.Ordinal));
    }

    [Fact]
    public void Templates_AdvisorsDoNotVoteByDefault() =>
        Assert.All(RulesTemplates.All, t => Assert.False(t.Rules.AdvisorsVote));

    [Fact]
    public void Find_KnownAndUnknownCode_ReturnsTemplateOrNull()
    {
        Assert.Same(RulesTemplates.CoOwnersItems6To8, RulesTemplates.Find("co-owners-art278-items-6-8"));
        Assert.Null(RulesTemplates.Find("nope"));
        Assert.Null(RulesTemplates.Find(null));
    }

    [Fact]
    public void With_EditingATemplatesRules_LeavesTheTemplateUnchanged()
    {
        var edited = RulesTemplates.ResidentsCouncil.Rules with { Quorum = Fraction.TwoThirds, AdvisorsVote = true };

        Assert.Equal(Fraction.TwoThirds, edited.Quorum);
        Assert.Equal(Fraction.Half, RulesTemplates.ResidentsCouncil.Rules.Quorum);
        Assert.False(RulesTemplates.ResidentsCouncil.Rules.AdvisorsVote);
    }

    [Fact]
    public void Validate_UnknownRule_IsAProblem() =>
        Assert.Single(new RulesOfProcedure { Rule = "plurality" }.Validate());

    [Theory]
    [InlineData(0, 1)]
    [InlineData(3, 2)]
    public void Validate_QuorumZeroOrAboveOne_IsAProblem(long numerator, long denominator) =>
        Assert.Single(new RulesOfProcedure { Quorum = new Fraction(numerator, denominator) }.Validate());

    [Fact]
    public void Validate_QuorumOfEveryone_IsFine() =>
        Assert.Empty(new RulesOfProcedure { Quorum = Fraction.One }.Validate());

    [Fact]
    public void Validate_CoOwnersWithoutMatter_IsAProblem() =>
        Assert.Single((RulesTemplates.CoOwnersOther.Rules with { Article278Matter = null }).Validate());

    [Fact]
    public void Validate_CoOwnersQuorumBelowTwoThirds_IsAProblem()
    {
        Assert.Single((RulesTemplates.CoOwnersOther.Rules with { Quorum = new Fraction(66, 100) }).Validate());
        Assert.Empty((RulesTemplates.CoOwnersOther.Rules with { Quorum = Fraction.ThreeQuarters }).Validate());
    }

    [Fact]
    public void Validate_CoOwnersWithAdvisorsVoting_IsAProblem() =>
        Assert.Single((RulesTemplates.CoOwnersItems6To8.Rules with { AdvisorsVote = true }).Validate());

    [Fact]
    public void Evaluate_InvalidRules_ThrowsWithTheProblem()
    {
        var rules = RulesTemplates.CoOwnersOther.Rules with { Article278Matter = "lift" };

        var error = Assert.Throws<ArgumentException>(() => DecisionEvaluator.Evaluate(rules, Rolls.Of(yes: 1)));

        Assert.Contains("Article 278 matter", error.Message, StringComparison.Ordinal);
    }
}
