using Deliberation.Civic.Decisions;

namespace Deliberation.Civic.Tests.Decisions;

public sealed class RulesDocumentTests
{
    [Fact]
    public void Template_GivesItsRules()
    {
        var (rules, problems) = new RulesDocument { Template = "co-owners-art278-items-6-8" }.ToRules();
        Assert.Empty(problems);
        Assert.Equal((DecisionRules.CoOwners, Fraction.TwoThirds, Article278Matters.Items6To8), (rules!.Rule, rules.Quorum, rules.Article278Matter));
    }

    [Fact]
    public void Edits_OverrideTheTemplate()
    {
        var (rules, _) = new RulesDocument { Template = "residents-council", Quorum = "3/5", AbsentMayVoteByLink = false }.ToRules();
        Assert.Equal((DecisionRules.SimpleMajority, new Fraction(3, 5), false), (rules!.Rule, rules.Quorum, rules.AbsentMayVoteByLink));
    }

    [Theory]
    [InlineData(null, null, null, "rule")]
    [InlineData("nope", null, null, "template")]
    [InlineData(null, "two-thirds", "2/0", "quorum")]
    [InlineData(null, "two-thirds", "half", "quorum")]
    [InlineData(null, "co-owners-art278", "1/2", "quorum")]
    [InlineData(null, "majority", null, "rule")]
    public void Problems_NameTheField(string? template, string? rule, string? quorum, string field)
    {
        var (rules, problems) = new RulesDocument { Template = template, Rule = rule, Quorum = quorum }.ToRules();
        Assert.Null(rules);
        Assert.Contains(field, problems.Keys);
    }

    [Fact]
    public void RoundTrip_ThroughTheDocument()
    {
        var document = RulesDocument.From(RulesTemplates.Consent);
        Assert.Equal(RulesTemplates.Consent.Rules, document.ToRules().Rules);
    }
}
