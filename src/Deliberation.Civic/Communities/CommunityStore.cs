using Deliberation.Civic.Data;
using Deliberation.Civic.Roster;
using Deliberation.Engine.Runtime;

namespace Deliberation.Civic.Communities;

/// <summary>
/// The community structure through EF Core: communities, their precincts (网格) and building groups (楼栋).
/// Names are unique within a community ignoring case, since rosters match them that way.
/// </summary>
public sealed class CommunityStore(ICivicDatabase database, TimeProvider time)
{
    /// <summary>Creates a community; null when the code is taken.</summary>
    public async Task<Community?> CreateCommunityAsync(string code, string name, string? escalationEmails, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        if (await db.Communities.AnyAsync(c => c.Code == code, cancellationToken)) return null;
        var community = new Community { Id = Guid.CreateVersion7(time.GetUtcNow()), Code = code, Name = name, EscalationEmails = escalationEmails, CreatedAt = time.GetUtcNow() };
        db.Communities.Add(community);
        return await SaveAsync(db, cancellationToken) ? community : null;
    }

    /// <summary>Every community, by code.</summary>
    public async Task<IReadOnlyList<Community>> ListCommunitiesAsync(CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        return await db.Communities.OrderBy(c => c.Code).ToListAsync(cancellationToken);
    }

    /// <summary>A community, or null.</summary>
    public async Task<Community?> GetCommunityAsync(Guid communityId, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        return await db.Communities.FirstOrDefaultAsync(c => c.Id == communityId, cancellationToken);
    }

    /// <summary>Replaces the community's escalation contacts (already checked; null for none); null when there is no such community.</summary>
    public async Task<Community?> SetEscalationEmailsAsync(Guid communityId, string? escalationEmails, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        var changed = await db.Communities.Where(c => c.Id == communityId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.EscalationEmails, escalationEmails), cancellationToken);
        return changed == 0 ? null : await db.Communities.FirstOrDefaultAsync(c => c.Id == communityId, cancellationToken);
    }

    /// <summary>The most kinds of party a community adds.</summary>
    public const int MaxPartyKinds = 20;

    /// <summary>The longest name of a kind of party.</summary>
    public const int MaxPartyKindLength = 20;

    /// <summary>
    /// Replaces the kinds of party the community adds (names such as 共建单位): each 1–20 characters, none twice and none a
    /// built-in kind or its name; null when there is no such community.
    /// </summary>
    /// <exception cref="WorkflowException">Invalid names (400, errors by field <c>kinds</c>).</exception>
    public async Task<Community?> SetPartyKindsAsync(Guid communityId, IReadOnlyList<string?>? kinds, CancellationToken cancellationToken)
    {
        var names = (kinds ?? []).Select(k => k?.Trim() ?? "").ToList();
        var builtIn = Elections.PartyKinds.Parties.Concat(Elections.PartyKinds.Advisors).SelectMany(k => new[] { k, Elections.PartyKinds.ChineseName(k) }).ToHashSet();
        if (names.Count > MaxPartyKinds || names.Any(n => n.Length is 0 or > MaxPartyKindLength || n.Any(char.IsControl))
            || names.Distinct().Count() != names.Count || names.Any(builtIn.Contains))
            throw new WorkflowException(WorkflowErrorKind.Invalid, "invalid-input", "The kinds of party are invalid; nothing changed.")
            {
                FieldErrors = new Dictionary<string, FieldError[]>
                {
                    ["kinds"] = [CommunityFields.PartyKinds.With(("max", MaxPartyKinds), ("length", MaxPartyKindLength))],
                },
            };
        await using var db = database.Open();
        var text = string.Join('\n', names);
        var changed = await db.Communities.Where(c => c.Id == communityId).ExecuteUpdateAsync(s => s.SetProperty(c => c.PartyKinds, text), cancellationToken);
        return changed == 0 ? null : await db.Communities.FirstOrDefaultAsync(c => c.Id == communityId, cancellationToken);
    }

    /// <summary>Creates a precinct; null when the community already has one of that name.</summary>
    public async Task<Precinct?> CreatePrecinctAsync(Guid communityId, string name, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        var names = await db.Precincts.Where(p => p.CommunityId == communityId).Select(p => p.Name).ToListAsync(cancellationToken);
        if (names.Contains(name, StringComparer.OrdinalIgnoreCase)) return null;
        var precinct = new Precinct { Id = Guid.CreateVersion7(time.GetUtcNow()), CommunityId = communityId, Name = name };
        db.Precincts.Add(precinct);
        return await SaveAsync(db, cancellationToken) ? precinct : null;
    }

    /// <summary>A community's precincts, by name.</summary>
    public async Task<IReadOnlyList<Precinct>> ListPrecinctsAsync(Guid communityId, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        return await db.Precincts.Where(p => p.CommunityId == communityId).OrderBy(p => p.Name).ToListAsync(cancellationToken);
    }

    /// <summary>A precinct of the community by id, or else by name (ignoring case); null when there is none.</summary>
    public async Task<Precinct?> FindPrecinctAsync(Guid communityId, Guid? precinctId, string? name, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        if (precinctId is { } id) return await db.Precincts.FirstOrDefaultAsync(p => p.Id == id && p.CommunityId == communityId, cancellationToken);
        if (string.IsNullOrWhiteSpace(name)) return null;
        var precincts = await db.Precincts.Where(p => p.CommunityId == communityId).ToListAsync(cancellationToken);
        return precincts.FirstOrDefault(p => p.Name.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Creates a building group in a precinct and, when given, a compound (小区); null when that compound (or the community,
    /// without one) already has one of that name.
    /// </summary>
    public async Task<BuildingGroup?> CreateBuildingGroupAsync(Guid communityId, Guid precinctId, string name, string? compound, CancellationToken cancellationToken)
    {
        compound = compound?.Trim() ?? "";
        await using var db = database.Open();
        var names = await db.BuildingGroups.Where(b => b.CommunityId == communityId && b.Compound == compound).Select(b => b.Name).ToListAsync(cancellationToken);
        if (names.Contains(name, StringComparer.OrdinalIgnoreCase)) return null;
        var group = new BuildingGroup
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()), CommunityId = communityId, PrecinctId = precinctId, Compound = compound, Name = name,
        };
        db.BuildingGroups.Add(group);
        return await SaveAsync(db, cancellationToken) ? group : null;
    }

    /// <summary>A community's building groups, by name.</summary>
    public async Task<IReadOnlyList<BuildingGroup>> ListBuildingGroupsAsync(Guid communityId, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        return (await db.BuildingGroups.Where(b => b.CommunityId == communityId).ToListAsync(cancellationToken))
            .OrderBy(b => b.Compound, NaturalComparer.Instance).ThenBy(b => b.Name, NaturalComparer.Instance).ToList();
    }

    /// <summary>Saves; false when a unique index refused the row (another request created the same name meanwhile).</summary>
    private static async Task<bool> SaveAsync(ICivicSession db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DataWriteException)
        {
            return false;
        }
    }
}
