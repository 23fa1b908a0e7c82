using System.Diagnostics;

namespace Deliberation.Civic.Decisions;

/// <summary>
/// Counts a decision under a deliberation's rules of procedure, with exact arithmetic: every threshold
/// is a <see cref="Fraction"/> checked by cross-multiplication (<see cref="Share"/>), so "≥ 2/3" passes 2
/// of 3 and fails 66 of 100, and "more than half" is strict.
/// <list type="bullet">
/// <item>Counted: the roll's eligible people; advisors only when <see cref="RulesOfProcedure.AdvisorsVote"/>.</item>
/// <item>Quorum: present (yes, no, abstain, block, stand-aside) ≥ quorum · counted; never met with nobody counted.</item>
/// <item>Votes cast = yes + no + blocks; abstentions and stand-asides are present but not votes cast.</item>
/// <item><see cref="DecisionRules.SimpleMajority"/>: quorum and yes &gt; (yes + no) / 2.</item>
/// <item><see cref="DecisionRules.TwoThirds"/>: quorum and yes ≥ 2/3 · (yes + no), with at least one vote cast.</item>
/// <item><see cref="DecisionRules.Consensus"/>: quorum, no + blocks = 0 and yes ≥ 1.</item>
/// <item><see cref="DecisionRules.Consent"/>: quorum and blocks = 0; stand-asides listed.</item>
/// <item><see cref="DecisionRules.CoOwners"/> (民法典 Art. 278): participating owners ≥ quorum (≥ 2/3) of all
/// owners and their area ≥ quorum of the total area; then, for items 6–8, yes owners ≥ 3/4 of participating
/// owners and yes area ≥ 3/4 of participating area; for other matters, yes owners &gt; 1/2 and yes area &gt; 1/2 of them.</item>
/// </list>
/// </summary>
public static class DecisionEvaluator
{
    /// <summary>Counts the decision.</summary>
    /// <param name="rules">The rules of procedure.</param>
    /// <param name="roll">
    /// Everyone entitled to take part, one line each, with their choice or null when absent: the quorum
    /// and the Article 278 totals are counted over this roll, so absent voters must be on it.
    /// </param>
    /// <exception cref="ArgumentException">
    /// The rules are invalid (see <see cref="RulesOfProcedure.Validate"/>), or the roll has a null line, a voter twice, an
    /// unknown choice, a negative area, or (under Article 278) a counted owner without an area.
    /// </exception>
    public static DecisionResult Evaluate(RulesOfProcedure rules, IEnumerable<Ballot> roll)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(roll);
        if (rules.Validate() is { Count: > 0 } problems) throw new ArgumentException(string.Join(" ", problems), nameof(rules));
        var ballots = roll.ToList();
        Check(ballots, rules);

        var counted = ballots.Where(b => IsCounted(b, rules)).ToList();
        var present = counted.Where(b => b.TookPart).ToList();
        int Count(string choice) => present.Count(b => b.Choice == choice);

        var result = new DecisionResult
        {
            Rules = rules,
            Attendance = new Share(present.Count, counted.Count),
            QuorumMet = false,
            Yes = Count(BallotChoices.Yes),
            No = Count(BallotChoices.No),
            Blocks = Count(BallotChoices.Block),
            Abstentions = Count(BallotChoices.Abstain),
            StandAsides = Count(BallotChoices.StandAside),
            Blocking = present.Where(b => b.Choice == BallotChoices.Block).ToList(),
            StandingAside = present.Where(b => b.Choice == BallotChoices.StandAside).ToList(),
            NotCounted = ballots.Where(b => b.TookPart && !IsCounted(b, rules)).ToList(),
            Passed = false,
            ExplanationZh = "",
            ExplanationEn = "",
        };
        result = rules.IsCoOwners ? CountCoOwners(result, counted, present) : CountVotes(result);
        var (zh, en) = DecisionWording.Explain(result);
        return result with { ExplanationZh = zh, ExplanationEn = en };
    }

    /// <summary>Whether a line of the roll counts under these rules: eligible, and not an advisor unless advisors vote.</summary>
    public static bool IsCounted(Ballot ballot, RulesOfProcedure rules)
    {
        ArgumentNullException.ThrowIfNull(ballot);
        ArgumentNullException.ThrowIfNull(rules);
        return ballot.Eligible && (!ballot.Advisor || rules.AdvisorsVote);
    }

    private static void Check(List<Ballot> roll, RulesOfProcedure rules)
    {
        var seen = new HashSet<Guid>();
        foreach (var ballot in roll)
        {
            if (ballot is null) throw new ArgumentException("The roll has a null line.", nameof(roll));
            if (!seen.Add(ballot.VoterId)) throw new ArgumentException($"Voter {ballot.VoterId} is on the roll twice.", nameof(roll));
            if (ballot.Choice is not null && !BallotChoices.All.Contains(ballot.Choice))
                throw new ArgumentException($"Unknown choice '{ballot.Choice}' of voter {ballot.VoterId}; one of {string.Join(", ", BallotChoices.All)}.", nameof(roll));
            if (ballot.Area < 0) throw new ArgumentException($"Voter {ballot.VoterId} has a negative area.", nameof(roll));
            if (rules.IsCoOwners && ballot.Area is null && IsCounted(ballot, rules))
                throw new ArgumentException($"Owner {ballot.VoterId} has no exclusive area; Article 278 counts by area too.", nameof(roll));
        }
    }

    private static DecisionResult CountVotes(DecisionResult r)
    {
        var quorumMet = r.Attendance.Reaches(r.Rules.Quorum);
        return r.Rules.Rule switch
        {
            DecisionRules.SimpleMajority => r with
            {
                QuorumMet = quorumMet, Threshold = Fraction.Half, ThresholdStrict = true,
                Passed = quorumMet && r.YesOfVotesCast.Exceeds(Fraction.Half),
            },
            // Reaches is false with no votes cast: 0 ≥ 2/3 · 0 must not pass a decision nobody voted for.
            DecisionRules.TwoThirds => r with
            {
                QuorumMet = quorumMet, Threshold = Fraction.TwoThirds,
                Passed = quorumMet && r.YesOfVotesCast.Reaches(Fraction.TwoThirds),
            },
            DecisionRules.Consensus => r with { QuorumMet = quorumMet, Passed = quorumMet && r.No + r.Blocks == 0 && r.Yes > 0 },
            DecisionRules.Consent => r with { QuorumMet = quorumMet, Passed = quorumMet && r.Blocks == 0 },
            _ => throw new UnreachableException($"Validated rules with an unknown decision rule '{r.Rules.Rule}'."),
        };
    }

    private static DecisionResult CountCoOwners(DecisionResult r, List<Ballot> owners, List<Ballot> participating)
    {
        var matter = r.Rules.Article278Matter!;
        var participation = r.Rules.Quorum;
        var approval = matter == Article278Matters.Items6To8 ? Fraction.ThreeQuarters : Fraction.Half;
        var strict = matter != Article278Matters.Items6To8;
        var approving = participating.Where(b => b.Choice == BallotChoices.Yes).ToList();

        var ownerParticipation = new Share(participating.Count, owners.Count);
        var areaParticipation = new Share(participating.Sum(b => b.Area!.Value), owners.Sum(b => b.Area!.Value));
        var ownerApproval = new Share(approving.Count, participating.Count);
        var areaApproval = new Share(approving.Sum(b => b.Area!.Value), areaParticipation.Part);
        bool Approves(Share share) => strict ? share.Exceeds(approval) : share.Reaches(approval);

        var figures = new CoOwnerFigures
        {
            Matter = matter,
            OwnerParticipation = ownerParticipation,
            AreaParticipation = areaParticipation,
            ParticipationThreshold = participation,
            OwnerParticipationMet = ownerParticipation.Reaches(participation),
            AreaParticipationMet = areaParticipation.Reaches(participation),
            OwnerApproval = ownerApproval,
            AreaApproval = areaApproval,
            ApprovalThreshold = approval,
            ApprovalStrict = strict,
            OwnerApprovalMet = Approves(ownerApproval),
            AreaApprovalMet = Approves(areaApproval),
        };
        var quorumMet = figures.OwnerParticipationMet && figures.AreaParticipationMet;
        return r with
        {
            CoOwners = figures,
            QuorumMet = quorumMet,
            Passed = quorumMet && figures.OwnerApprovalMet && figures.AreaApprovalMet,
        };
    }
}
