using System.Globalization;

namespace Deliberation.Civic.Decisions;

/// <summary>The formula of a <see cref="DecisionResult"/> in Chinese and English, with its numbers filled in.</summary>
internal static class DecisionWording
{
    public static (string Zh, string En) Explain(DecisionResult r)
    {
        if (r.CoOwners is { } owners) return CoOwners(r, owners);
        var (quorumZh, quorumEn) = Quorum(r);
        if (!r.QuorumMet) return (quorumZh, quorumEn);
        var (zh, en) = r.Rules.Rule switch
        {
            DecisionRules.Consent => Consent(r),
            DecisionRules.Consensus => Consensus(r),
            _ => Majority(r),
        };
        return (quorumZh + zh, quorumEn + " " + en);
    }

    private static (string, string) Quorum(DecisionResult r)
    {
        if (r.Eligible == 0) return ("没有有表决权成员，无法达到法定人数，未通过。", "No eligible voters: no quorum, not passed.");
        var q = r.Quorum;
        return r.QuorumMet
            ? ($"出席有表决权成员 {r.Present} 人，占有表决权成员 {r.Eligible} 人的 {r.Attendance.PercentText}，达到法定人数（有表决权成员的{q.ToChinese()}）。",
                $"{r.Present} of {r.Eligible} eligible voters present ({r.Attendance.PercentText}), at least {q}: quorum met.")
            : ($"出席有表决权成员 {r.Present} 人，占有表决权成员 {r.Eligible} 人的 {r.Attendance.PercentText}，未达到法定人数（有表决权成员的{q.ToChinese()}），未通过。",
                $"{r.Present} of {r.Eligible} eligible voters present ({r.Attendance.PercentText}), below {q}: quorum not met, not passed.");
    }

    /// <summary>
    /// Yes, no (blocks included) and abstentions (stand-asides included), as the majority rules and
    /// consensus count them; <paramref name="majority"/> adds that abstentions are not votes cast.
    /// </summary>
    private static (string, string) Tally(DecisionResult r, bool majority)
    {
        var blocksZh = r.Blocks > 0 ? $"（含阻止 {r.Blocks} 票）" : "";
        var blocksEn = r.Blocks > 0 ? $" (including {r.Blocks} blocking)" : "";
        List<string> abstainZh = [], abstainEn = [];
        if (r.StandAsides > 0)
        {
            abstainZh.Add($"含保留 {r.StandAsides} 票");
            abstainEn.Add($"including {r.StandAsides} standing aside");
        }
        if (majority)
        {
            abstainZh.Add("弃权不计入有效表决票");
            abstainEn.Add("abstentions are not votes cast");
        }
        var noteZh = abstainZh.Count > 0 ? $"（{string.Join("；", abstainZh)}）" : "";
        var noteEn = abstainEn.Count > 0 ? $" ({string.Join("; ", abstainEn)})" : "";
        return ($"赞成 {r.Yes} 票，反对 {r.No + r.Blocks} 票{blocksZh}，弃权 {r.Abstentions + r.StandAsides} 票{noteZh}。",
            $"{r.Yes} yes, {r.No + r.Blocks} no{blocksEn}, {r.Abstentions + r.StandAsides} abstaining{noteEn}.");
    }

    private static (string, string) Majority(DecisionResult r)
    {
        var (tallyZh, tallyEn) = Tally(r, majority: true);
        if (r.VotesCast == 0) return (tallyZh + "没有有效表决票（赞成或反对），未通过。", tallyEn + " No votes cast (yes or no): not passed.");
        var threshold = r.Threshold!;
        var pct = r.YesOfVotesCast.PercentText;
        return ($"{tallyZh}赞成 {r.Yes} 票，占有效表决票 {r.VotesCast} 票的 {pct}，{Verdict(threshold, r.ThresholdStrict, r.Passed)}，{(r.Passed ? "通过" : "未通过")}。",
            $"{tallyEn} {r.Yes} yes of {r.VotesCast} votes cast ({pct}): {VerdictEn(threshold, r.ThresholdStrict, r.Passed)}, {(r.Passed ? "passed" : "not passed")}.");
    }

    private static (string, string) Consensus(DecisionResult r)
    {
        var (tallyZh, tallyEn) = Tally(r, majority: false);
        var against = r.No + r.Blocks;
        var (zh, en) = against > 0
            ? ($"有反对票 {against} 票，未形成共识，未通过。", $"{against} against: no consensus, not passed.")
            : r.Yes == 0
                ? ("没有赞成票，未形成共识，未通过。", "No yes vote: no consensus, not passed.")
                : ("无反对票且有赞成票，形成共识，通过。", "No one against and at least one yes: consensus, passed.");
        return (tallyZh + zh + StandAsidesRecorded(r).Zh, tallyEn + " " + en + StandAsidesRecorded(r).En);
    }

    private static (string, string) Consent(DecisionResult r)
    {
        var tallyZh = $"同意 {r.Yes} 票，反对 {r.No} 票，弃权 {r.Abstentions} 票，保留（不阻止）{r.StandAsides} 票，阻止 {r.Blocks} 票。";
        var tallyEn = $"{r.Yes} yes, {r.No} no, {r.Abstentions} abstaining, {r.StandAsides} standing aside, {r.Blocks} blocking.";
        var (zh, en) = r.Blocks > 0
            ? ($"有 {r.Blocks} 票阻止性异议，未通过。", $"{r.Blocks} blocking objection{(r.Blocks == 1 ? "" : "s")}: not passed.")
            : ("无阻止性异议，通过。", "No blocking objection: passed.");
        return (tallyZh + zh + StandAsidesRecorded(r).Zh, tallyEn + " " + en + StandAsidesRecorded(r).En);
    }

    private static (string Zh, string En) StandAsidesRecorded(DecisionResult r) => r.StandAsides == 0
        ? ("", "")
        : ($"{r.StandAsides} 人保留意见，已记录。", $" {r.StandAsides} stand-aside{(r.StandAsides == 1 ? "" : "s")} recorded.");

    private static (string, string) CoOwners(DecisionResult r, CoOwnerFigures f)
    {
        var q = f.ParticipationThreshold;
        var zh = $"参与表决业主 {f.OwnerParticipation.Part} 人，占业主总人数 {f.OwnerParticipation.Whole} 人的 {f.OwnerParticipation.PercentText}，"
            + $"{Verdict(q, false, f.OwnerParticipationMet)}；其专有部分面积 {Area(f.AreaParticipation.Part)} 平方米，"
            + $"占总面积 {Area(f.AreaParticipation.Whole)} 平方米的 {f.AreaParticipation.PercentText}，{Verdict(q, false, f.AreaParticipationMet)}。";
        var en = $"{f.OwnerParticipation.Part} of {f.OwnerParticipation.Whole} owners took part ({f.OwnerParticipation.PercentText}), "
            + $"{VerdictEn(q, false, f.OwnerParticipationMet)}; they hold {Area(f.AreaParticipation.Part)} of {Area(f.AreaParticipation.Whole)} m² "
            + $"({f.AreaParticipation.PercentText}), {VerdictEn(q, false, f.AreaParticipationMet)}.";
        if (!r.QuorumMet)
            return (zh + "参与表决未达到民法典第二百七十八条的要求，未通过。", en + " Participation falls short of Civil Code Art. 278: not passed.");

        var a = f.ApprovalThreshold;
        var matterZh = f.Matter == Article278Matters.Items6To8 ? "民法典第二百七十八条第一款第六至八项" : "民法典第二百七十八条（其他事项）";
        var matterEn = f.Matter == Article278Matters.Items6To8 ? "Civil Code Art. 278, items 6–8" : "Civil Code Art. 278, other matters";
        zh += $"同意业主 {f.OwnerApproval.Part} 人，占参与表决人数 {f.OwnerApproval.Whole} 人的 {f.OwnerApproval.PercentText}，"
            + $"{Verdict(a, f.ApprovalStrict, f.OwnerApprovalMet)}；其专有部分面积 {Area(f.AreaApproval.Part)} 平方米，"
            + $"占参与表决面积 {Area(f.AreaApproval.Whole)} 平方米的 {f.AreaApproval.PercentText}，{Verdict(a, f.ApprovalStrict, f.AreaApprovalMet)}。"
            + $"按{matterZh}，{(r.Passed ? "通过" : "未通过")}。";
        en += $" {f.OwnerApproval.Part} of {f.OwnerApproval.Whole} participating owners approve ({f.OwnerApproval.PercentText}), "
            + $"{VerdictEn(a, f.ApprovalStrict, f.OwnerApprovalMet)}; they hold {Area(f.AreaApproval.Part)} of {Area(f.AreaApproval.Whole)} participating m² "
            + $"({f.AreaApproval.PercentText}), {VerdictEn(a, f.ApprovalStrict, f.AreaApprovalMet)}. Under {matterEn}: {(r.Passed ? "passed" : "not passed")}.";
        return (zh, en);
    }

    private static string Verdict(Fraction threshold, bool strict, bool met)
    {
        var name = threshold == Fraction.Half ? "半数" : threshold.ToChinese();
        return strict ? (met ? $"超过{name}" : $"未超过{name}") : (met ? $"达到{name}" : $"未达到{name}");
    }

    private static string VerdictEn(Fraction threshold, bool strict, bool met)
    {
        var name = threshold == Fraction.Half ? "half" : threshold.ToString();
        return strict ? (met ? $"more than {name}" : $"not more than {name}") : (met ? $"at least {name}" : $"less than {name}");
    }

    private static string Area(decimal area) => area.ToString("0.############", CultureInfo.InvariantCulture);
}
