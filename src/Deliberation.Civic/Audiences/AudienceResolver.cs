using Deliberation.Civic.Communities;
using Deliberation.Civic.Data;
using Deliberation.Civic.Roster;

namespace Deliberation.Civic.Audiences;

/// <summary>
/// Turns an <see cref="AudienceSpec"/> into the people of the community it names, each once, in a stable order: a panel's
/// members as they joined; building groups in the order given, by entrance, unit and name; named people in the order
/// given; organisations' contacts on the roster in the order of the organisations and their lists; a role's holders by name.
/// Every id must be the community's own: a case, building group, person or organisation of another community (or none)
/// is refused, never silently skipped.
/// </summary>
public static class AudienceResolver
{
    /// <summary>The most people one activity addresses: tasks and emails are written in one step.</summary>
    public const int MaxMembers = 2000;

    /// <summary>Resolves the audience in <paramref name="db"/> (a step's session: what it reads is what the step acts on).</summary>
    /// <param name="db">The session.</param>
    /// <param name="communityId">The instance's community.</param>
    /// <param name="spec">Whom to address.</param>
    /// <param name="activity">The activity's id, for the fault.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <exception cref="Engine.Runtime.ActivityFaultException">
    /// An id not of the community (<c>audience-not-in-community</c>), nobody found (<c>audience-empty</c>), or more than
    /// <see cref="MaxMembers"/> people (<c>audience-too-large</c>).
    /// </exception>
    public static async Task<IReadOnlyList<AudienceMember>> ResolveAsync(ICivicSession db, Guid communityId, AudienceSpec spec, string activity,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(spec);
        var ids = spec.Ids.ToList();
        List<Person> people = spec.Kind switch
        {
            AudienceKinds.Panel => await PanelAsync(db, communityId, ids, activity, cancellationToken),
            AudienceKinds.BuildingGroup => await BuildingGroupsAsync(db, communityId, ids, spec.OnePerHousehold, activity, cancellationToken),
            AudienceKinds.People => await NamedAsync(db, communityId, ids, activity, cancellationToken),
            AudienceKinds.Organisations => await OrganisationsAsync(db, communityId, ids, activity, cancellationToken),
            AudienceKinds.Role => await RoleAsync(db, communityId, spec.Roles, cancellationToken),
            _ => throw AudienceFaults.KindUnknown.Fault(("activity", activity), ("value", spec.Kind), ("kinds", string.Join(", ", AudienceKinds.All))),
        };
        var members = people.DistinctBy(p => p.Id).ToList();
        if (members.Count == 0) throw AudienceFaults.Empty.Fault(("activity", activity), ("kind", spec.Kind));
        if (members.Count > MaxMembers) throw AudienceFaults.TooLarge.Fault(("activity", activity), ("count", members.Count), ("max", MaxMembers));

        var householdIds = members.Where(p => p.HouseholdId is not null).Select(p => p.HouseholdId!.Value).Distinct().ToList();
        var buildingOf = householdIds.Count == 0 ? [] : await db.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id))
            .ToDictionaryAsync(h => h.Id, h => h.BuildingGroupId, cancellationToken);
        return members.Select(p =>
        {
            var email = p.Email?.Trim();
            var building = p.HouseholdId is { } h && buildingOf.TryGetValue(h, out var b) ? b : p.BuildingGroupId;
            return new AudienceMember(p.Id, p.Name, email is { Length: > 0 } && EmailAddresses.IsValid(email) ? email : null, building);
        }).ToList();
    }

    private static async Task<List<Person>> PanelAsync(ICivicSession db, Guid communityId, List<Guid> caseIds, string activity, CancellationToken ct)
    {
        await RequireAllAsync(db.Cases.Where(c => caseIds.Contains(c.Id) && c.CommunityId == communityId).Select(c => c.Id), caseIds, AudienceKinds.Panel, activity, ct);
        var members = (await db.PanelMembers.AsNoTracking().Where(m => caseIds.Contains(m.CaseId) && m.LeftAt == null).ToListAsync(ct))
            .OrderBy(m => caseIds.IndexOf(m.CaseId)).ThenBy(m => m.JoinedAt).ThenBy(m => m.Id).Select(m => m.PersonId).ToList();
        return await PeopleInOrderAsync(db, communityId, members, ct);
    }

    private static async Task<List<Person>> BuildingGroupsAsync(ICivicSession db, Guid communityId, List<Guid> groupIds, bool onePerHousehold, string activity,
        CancellationToken ct)
    {
        await RequireAllAsync(db.BuildingGroups.Where(g => groupIds.Contains(g.Id) && g.CommunityId == communityId).Select(g => g.Id), groupIds,
            AudienceKinds.BuildingGroup, activity, ct);
        var households = await db.Households.AsNoTracking().Where(h => groupIds.Contains(h.BuildingGroupId)).ToListAsync(ct);
        var householdIds = households.Select(h => h.Id).ToList();
        var residents = await db.People.AsNoTracking()
            .Where(p => p.CommunityId == communityId && ((p.HouseholdId != null && householdIds.Contains(p.HouseholdId.Value))
                || (!onePerHousehold && p.BuildingGroupId != null && groupIds.Contains(p.BuildingGroupId.Value))))
            .ToListAsync(ct);
        if (onePerHousehold)
        {
            // One voice per household, as the elections count: its representative (the first added where the roster marks
            // several), or else the first person of the household on the roster.
            residents = residents.GroupBy(p => p.HouseholdId)
                .Select(g => g.OrderBy(p => p.IsHouseholdRepresentative ? 0 : 1).ThenBy(p => p.CreatedAt).ThenBy(p => p.Id).First()).ToList();
        }
        var household = households.ToDictionary(h => h.Id);
        return residents
            .OrderBy(p => groupIds.IndexOf(p.HouseholdId is { } h ? household[h].BuildingGroupId : p.BuildingGroupId!.Value))
            .ThenBy(p => p.HouseholdId is { } h ? household[h].Entrance : "", NaturalComparer.Instance)
            .ThenBy(p => p.HouseholdId is { } h ? household[h].Unit : "", NaturalComparer.Instance)
            .ThenBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Id)
            .ToList();
    }

    private static async Task<List<Person>> NamedAsync(ICivicSession db, Guid communityId, List<Guid> personIds, string activity, CancellationToken ct)
    {
        await RequireAllAsync(db.People.Where(p => personIds.Contains(p.Id) && p.CommunityId == communityId).Select(p => p.Id), personIds,
            AudienceKinds.People, activity, ct);
        return await PeopleInOrderAsync(db, communityId, personIds, ct);
    }

    private static async Task<List<Person>> OrganisationsAsync(ICivicSession db, Guid communityId, List<Guid> organisationIds, string activity, CancellationToken ct)
    {
        await RequireAllAsync(db.Organisations.Where(o => organisationIds.Contains(o.Id) && o.CommunityId == communityId).Select(o => o.Id), organisationIds,
            AudienceKinds.Organisations, activity, ct);
        // A contact who is not on the roster has no tasks and no links: only those linked to a person of the roster are addressed.
        var contacts = (await db.OrganisationContacts.AsNoTracking().Where(c => organisationIds.Contains(c.OrganisationId) && c.PersonId != null).ToListAsync(ct))
            .OrderBy(c => organisationIds.IndexOf(c.OrganisationId)).ThenBy(c => c.Position).Select(c => c.PersonId!.Value).ToList();
        return await PeopleInOrderAsync(db, communityId, contacts, ct);
    }

    private static async Task<List<Person>> RoleAsync(ICivicSession db, Guid communityId, PersonRoles roles, CancellationToken ct)
    {
        var holders = new List<Person>();
        foreach (var (role, _) in RoleNames.All.Where(r => roles.HasFlag(r.Role)))
            holders.AddRange(await db.People.AsNoTracking().Where(p => p.CommunityId == communityId && (p.Roles & role) == role).ToListAsync(ct));
        return [.. holders.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Id)];
    }

    /// <summary>The people of the community with these ids, in the order of the ids (a person of another community is left out).</summary>
    private static async Task<List<Person>> PeopleInOrderAsync(ICivicSession db, Guid communityId, List<Guid> personIds, CancellationToken ct)
    {
        var distinct = personIds.Distinct().ToList();
        var found = await db.People.AsNoTracking().Where(p => distinct.Contains(p.Id) && p.CommunityId == communityId).ToDictionaryAsync(p => p.Id, ct);
        return [.. distinct.Where(found.ContainsKey).Select(id => found[id])];
    }

    /// <summary>Refuses the first id the query did not find in the community.</summary>
    private static async Task RequireAllAsync(IQueryable<Guid> found, List<Guid> ids, string kind, string activity, CancellationToken ct)
    {
        var present = (await found.ToListAsync(ct)).ToHashSet();
        if (ids.Where(id => !present.Contains(id)).Select(id => (Guid?)id).FirstOrDefault() is { } missing)
            throw AudienceFaults.NotInCommunity.Fault(("activity", activity), ("kind", kind), ("value", missing));
    }
}
