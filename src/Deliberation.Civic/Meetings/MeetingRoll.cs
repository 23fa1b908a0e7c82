using Deliberation.Civic.Communities;
using Deliberation.Civic.Data;
using Deliberation.Civic.Decisions;
using Deliberation.Civic.Elections;

namespace Deliberation.Civic.Meetings;

/// <summary>One member of a case's panel as a meeting sees them.</summary>
/// <param name="PersonId">The person.</param>
/// <param name="Name">Their name.</param>
/// <param name="Email">Their address, if any.</param>
/// <param name="Role">Representative, party or advisor (<see cref="PanelRoles"/>).</param>
/// <param name="PartyKind">For an advisor or party, what they are (lawyer, accountant, property company…).</param>
/// <param name="Votes">Whether they vote under the case's rules.</param>
/// <param name="Area">The exclusive floor area of their household, for Article 278.</param>
/// <param name="Represents">For a representative, the affected group they speak for (e.g. 3栋), when known.</param>
/// <param name="OrganisationName">For a party seated from the directory, the organisation's name as the panel recorded it.</param>
public sealed record RollMember(Guid PersonId, string Name, string? Email, string Role, string? PartyKind, bool Votes, decimal? Area, string? Represents = null,
    string? OrganisationName = null)
{
    /// <summary>Advisors attend without a vote (列席) unless the rules let them vote.</summary>
    public bool IsAdvisor => Role == PanelRoles.Advisor;

    /// <summary>
    /// The name as the minutes show it, with what they speak for: 赵经理（宇辉物业服务有限公司） for an organisation's
    /// representative, 李律师（律师）, 张一（3栋利益代表）.
    /// </summary>
    public string Label => OrganisationName is { Length: > 0 } organisation ? $"{Name}（{organisation}）"
        : PartyKind is { Length: > 0 } kind ? $"{Name}（{PartyKinds.ChineseName(kind)}）"
        : Role == PanelRoles.Representative && Represents is { Length: > 0 } group ? $"{Name}（{group}利益代表）"
        : Name;
}

/// <summary>Reads a case's current panel (members who have not dropped out) with who votes under the rules.</summary>
internal static class MeetingRoll
{
    public static async Task<List<RollMember>> ReadAsync(ICivicSession db, Guid caseId, RulesOfProcedure rules, CancellationToken cancellationToken)
    {
        var members = await db.PanelMembers.Where(m => m.CaseId == caseId && m.LeftAt == null).ToListAsync(cancellationToken);
        var personIds = members.Select(m => m.PersonId).Distinct().ToList();
        var people = await db.People.Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var householdIds = people.Values.Where(p => p.HouseholdId != null).Select(p => p.HouseholdId!.Value).Distinct().ToList();
        var areas = await db.Households.Where(h => householdIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.FloorArea, cancellationToken);
        var groupIds = members.Where(m => m.GroupId != null).Select(m => m.GroupId!.Value).Distinct().ToList();
        var groups = await db.AffectedGroups.Where(g => groupIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken);
        return members
            .Where(m => people.ContainsKey(m.PersonId))
            .DistinctBy(m => m.PersonId)
            .Select(m =>
            {
                Person p = people[m.PersonId];
                var advisor = m.Role == PanelRoles.Advisor;
                var votes = advisor ? rules.AdvisorsVote : m.Votes;
                return new RollMember(p.Id, p.Name, string.IsNullOrWhiteSpace(p.Email) ? null : p.Email.Trim(), m.Role, m.PartyKind, votes,
                    p.HouseholdId is { } h && areas.TryGetValue(h, out var area) ? area : null,
                    m.GroupId is { } g && groups.TryGetValue(g, out var group) ? group : null, m.OrganisationName);
            })
            .OrderBy(m => m.IsAdvisor).ThenBy(m => m.Name, StringComparer.Ordinal)
            .ToList();
    }
}
