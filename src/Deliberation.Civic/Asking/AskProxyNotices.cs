using Deliberation.Civic.Communities;
using Deliberation.Civic.Data;
using Deliberation.Engine.Messaging;

namespace Deliberation.Civic.Asking;

/// <summary>
/// Tells building heads which residents of their building were asked and have no email: the head asks them and enters
/// their answers on their behalf (the tasks are listed for that on the 代填答复 page, as every task of a resident without
/// email is).
/// </summary>
internal static class AskProxyNotices
{
    /// <summary>One notice per building head (with an email) of the buildings these people live in; none for people without a building.</summary>
    /// <param name="db">The step's session.</param>
    /// <param name="communityId">The community.</param>
    /// <param name="personIds">The residents without email.</param>
    /// <param name="question">The question.</param>
    /// <param name="proxyPage">The staff page where answers are entered on someone's behalf.</param>
    /// <param name="reminder">Whether the residents named have still not answered (a reminder).</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    public static async Task<List<EmailMessage>> ComposeAsync(ICivicSession db, Guid communityId, IReadOnlyCollection<Guid> personIds, AskQuestion question,
        string proxyPage, bool reminder, CancellationToken cancellationToken)
    {
        if (personIds.Count == 0) return [];
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id) && p.CommunityId == communityId).ToListAsync(cancellationToken);
        var householdIds = people.Where(p => p.HouseholdId is not null).Select(p => p.HouseholdId!.Value).Distinct().ToList();
        var households = await db.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, cancellationToken);
        var byBuilding = people
            .Select(p => (Person: p, Household: p.HouseholdId is { } h ? households.GetValueOrDefault(h) : null))
            .Select(r => (r.Person, r.Household, Building: r.Household?.BuildingGroupId ?? r.Person.BuildingGroupId))
            .Where(r => r.Building is not null)
            .GroupBy(r => r.Building!.Value)
            .ToDictionary(g => g.Key, g => g
                .OrderBy(r => r.Household?.Entrance ?? "", Roster.NaturalComparer.Instance).ThenBy(r => r.Household?.Unit ?? "", Roster.NaturalComparer.Instance)
                .ThenBy(r => r.Person.Name, StringComparer.Ordinal)
                .Select(r => r.Household is { } h && (h.Entrance + h.Unit).Length > 0 ? $"{r.Person.Name}（{h.Entrance}{h.Unit}）" : r.Person.Name).ToList());
        if (byBuilding.Count == 0) return [];

        var buildings = byBuilding.Keys.ToList();
        var heads = (await db.People.AsNoTracking()
                .Where(p => p.CommunityId == communityId && p.BuildingGroupId != null && buildings.Contains(p.BuildingGroupId.Value)
                    && (p.Roles & PersonRoles.BuildingHead) == PersonRoles.BuildingHead)
                .ToListAsync(cancellationToken))
            .OrderBy(p => buildings.IndexOf(p.BuildingGroupId!.Value)).ThenBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Id);
        var notices = new List<EmailMessage>();
        foreach (var head in heads)
        {
            var email = head.Email?.Trim();
            if (email is not { Length: > 0 } || !EmailAddresses.IsValid(email)) continue;
            notices.Add(AskEmails.ProxyNotice(email, head.Name, question, byBuilding[head.BuildingGroupId!.Value], proxyPage, reminder));
        }
        return notices;
    }
}
