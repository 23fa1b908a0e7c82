using System.Globalization;
using Deliberation.Engine.Runtime;

namespace Deliberation.Civic.Decisions;

/// <summary>
/// A case's rules of procedure as stored and as the API takes them: a template and its edits, with the quorum as
/// a fraction written <c>2/3</c>. <see cref="ToRules"/> checks it.
/// </summary>
public sealed record RulesDocument
{
    /// <summary>The template it started from (<see cref="RulesTemplates"/>), if any.</summary>
    public string? Template { get; init; }

    /// <summary>The decision rule (<see cref="DecisionRules"/>).</summary>
    public string? Rule { get; init; }

    /// <summary>The quorum over eligible voters, e.g. <c>1/2</c> or <c>2/3</c>.</summary>
    public string? Quorum { get; init; }

    /// <summary>Whether advisors vote (usually not: they attend as 列席).</summary>
    public bool AdvisorsVote { get; init; }

    /// <summary>For Article 278: <c>items-6-8</c> or <c>other</c>.</summary>
    public string? Article278Matter { get; init; }

    /// <summary>Whether voters absent from the meeting may vote by link while the vote is open.</summary>
    public bool AbsentMayVoteByLink { get; init; } = true;

    /// <summary>The document of a template.</summary>
    public static RulesDocument From(RulesTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return From(template.Rules, template.Code);
    }

    /// <summary>The document of rules.</summary>
    public static RulesDocument From(RulesOfProcedure rules, string? template = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return new RulesDocument
        {
            Template = template,
            Rule = rules.Rule,
            Quorum = rules.Quorum.ToString(),
            AdvisorsVote = rules.AdvisorsVote,
            Article278Matter = rules.Article278Matter,
            AbsentMayVoteByLink = rules.AbsentMayVoteByLink,
        };
    }

    /// <summary>The rules, or the problems that stop them, by field, each with its code.</summary>
    public (RulesOfProcedure? Rules, IReadOnlyDictionary<string, FieldError[]> Problems) ToRules()
    {
        var problems = new Dictionary<string, FieldError[]>(StringComparer.Ordinal);
        var template = Template is null ? null : RulesTemplates.Find(Template);
        if (Template is not null && template is null)
            problems["template"] = [RulesFields.TemplateUnknown.With(("template", Template), ("templates", string.Join(", ", RulesTemplates.All.Select(t => t.Code))))];
        var rule = Rule ?? template?.Rules.Rule;
        if (rule is null) problems["rule"] = [RulesFields.RuleMissing.With(("rules", string.Join(", ", DecisionRules.All)))];
        Fraction? quorum = template?.Rules.Quorum;
        if (Quorum is not null)
        {
            quorum = ParseFraction(Quorum);
            if (quorum is null) problems["quorum"] = [RulesFields.QuorumNotFraction.With(("quorum", Quorum))];
        }
        if (problems.Count > 0) return (null, problems);

        var rules = new RulesOfProcedure
        {
            Rule = rule!,
            Quorum = quorum ?? Fraction.Half,
            AdvisorsVote = AdvisorsVote,
            Article278Matter = Article278Matter ?? (rule == template?.Rules.Rule ? template?.Rules.Article278Matter : null),
            AbsentMayVoteByLink = AbsentMayVoteByLink,
        };
        foreach (var group in rules.Validate().GroupBy(p => p.Field))
            problems[group.Key] = [.. group.Select(p => p.Error)];
        return problems.Count > 0 ? (null, problems) : (rules, problems);
    }

    /// <summary>Reads <c>a/b</c> (0 ≤ a, 1 ≤ b ≤ 1000), or null.</summary>
    public static Fraction? ParseFraction(string? text)
    {
        var parts = text?.Split('/', StringSplitOptions.TrimEntries);
        if (parts is not { Length: 2 }
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var numerator)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var denominator)
            || denominator is < 1 or > 1000 || numerator > denominator * 1000)
            return null;
        return new Fraction(numerator, denominator);
    }
}
