using System.Data;
using System.Data.Common;
using Deliberation.Civic.Communities;
using Deliberation.Civic.Data;

namespace Deliberation.Civic.Roster;

/// <summary>A community's roster through EF Core: import (all or nothing), export, lists, email changes.</summary>
public sealed class RosterStore(ICivicDatabase database, TimeProvider time)
{
    /// <summary>The community's structure and roster, as validation and export need them.</summary>
    public async Task<RosterStructure> LoadStructureAsync(Guid communityId, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        return await LoadAsync(db, communityId, cancellationToken);
    }

    /// <summary>
    /// Imports a roster file (CSV or .xlsx). The file is read and checked in full first; with any problem
    /// nothing is written. Otherwise the new households and the people are inserted in one transaction,
    /// which also holds the check, so that two imports at once cannot both add the same household.
    /// </summary>
    public async Task<RosterImportResult> ImportAsync(Guid communityId, byte[] content, CancellationToken cancellationToken)
    {
        var parsed = RosterParser.Parse(content);
        if (parsed.Problems.Count > 0) return new(parsed.Problems, 0, 0);

        await using var db = database.Open();
        try
        {
            // Serializable: on SQLite the write lock is taken at once; on PostgreSQL a concurrent import fails to commit.
            await using var transaction = await db.BeginTransactionAsync(serializable: true, cancellationToken);
            var structure = await LoadAsync(db, communityId, cancellationToken);
            var plan = RosterValidator.Validate(parsed.Rows, structure, time.GetUtcNow());
            if (!plan.IsValid) return new(plan.Problems, 0, 0);
            db.Households.AddRange(plan.Households);
            db.People.AddRange(plan.People);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new([], plan.Households.Count, plan.People.Count);
        }
        catch (Exception ex) when (ex is DataWriteException or DbException)
        {
            return new([], 0, 0, Conflicted: true);
        }
    }

    /// <summary>The roster as CSV (UTF-8 with a byte order mark, Chinese headers, full phone numbers).</summary>
    public async Task<byte[]> ExportCsvAsync(Guid communityId, CancellationToken cancellationToken) =>
        RosterExporter.WriteCsv(await LoadStructureAsync(communityId, cancellationToken));

    /// <summary>A page of the community's people by building group, unit and name; filter by building group, role and a part of the name.</summary>
    public async Task<(IReadOnlyList<PersonListing> Items, int Total)> ListPeopleAsync(Guid communityId, Guid? buildingGroupId, PersonRoles? role,
        int skip, int take, CancellationToken cancellationToken, string? name = null)
    {
        await using var db = database.Open();
        var query = Listings(db).Where(p => p.CommunityId == communityId);
        if (!string.IsNullOrWhiteSpace(name))
        {
            var part = name.Trim();
            query = query.Where(p => p.Name.Contains(part));
        }
        if (buildingGroupId is { } b) query = query.Where(p => p.BuildingGroupId == b);
        if (role is { } r) query = query.Where(p => (p.Roles & r) == r);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderBy(p => p.BuildingGroupId == null).ThenBy(p => p.BuildingGroupName).ThenBy(p => p.Unit)
            .ThenByDescending(p => p.IsHouseholdRepresentative).ThenBy(p => p.Name).Skip(skip).Take(take).ToListAsync(cancellationToken);
        return (rows.Select(Listing).ToList(), total);
    }

    /// <summary>One person of the community, or null.</summary>
    public async Task<PersonListing?> GetPersonAsync(Guid communityId, Guid personId, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        var row = await Listings(db).FirstOrDefaultAsync(p => p.CommunityId == communityId && p.Id == personId, cancellationToken);
        return row is null ? null : Listing(row);
    }

    /// <summary>Changes (or with null, removes) a person's email; null when the community has no such person.</summary>
    /// <remarks>The address must be one that <see cref="EmailAddresses.IsValid"/> accepts.</remarks>
    public async Task<PersonListing?> ChangeEmailAsync(Guid communityId, Guid personId, string? email, CancellationToken cancellationToken)
    {
        await using (var db = database.Open())
        {
            var changed = await db.People.Where(p => p.Id == personId && p.CommunityId == communityId)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Email, email), cancellationToken);
            if (changed == 0) return null;
        }
        return await GetPersonAsync(communityId, personId, cancellationToken);
    }

    private static async Task<RosterStructure> LoadAsync(ICivicSession db, Guid communityId, CancellationToken cancellationToken) => new(
        communityId,
        await db.Precincts.Where(p => p.CommunityId == communityId).ToListAsync(cancellationToken),
        await db.BuildingGroups.Where(b => b.CommunityId == communityId).ToListAsync(cancellationToken),
        await db.Households.Where(h => h.CommunityId == communityId).ToListAsync(cancellationToken),
        await db.People.Where(p => p.CommunityId == communityId).ToListAsync(cancellationToken));

    /// <summary>People with their household and building group (a resident's building is its household's).</summary>
    private static IQueryable<ListingRow> Listings(ICivicSession db) =>
        from p in db.People
        join h in db.Households on p.HouseholdId equals h.Id into hs
        from h in hs.DefaultIfEmpty()
        join b in db.BuildingGroups on p.BuildingGroupId equals b.Id into bs
        from b in bs.DefaultIfEmpty()
        select new ListingRow
        {
            Id = p.Id, CommunityId = p.CommunityId, Name = p.Name, Roles = p.Roles, BuildingGroupId = p.BuildingGroupId,
            BuildingGroupName = b == null ? null : b.Compound + b.Name, HouseholdId = p.HouseholdId, Unit = h == null ? null : h.Entrance + h.Unit,
            FloorArea = h == null ? null : h.FloorArea, Email = p.Email, Phone = p.Phone,
            IsHouseholdRepresentative = p.IsHouseholdRepresentative, CreatedAt = p.CreatedAt,
        };

    private static PersonListing Listing(ListingRow r) =>
        new(r.Id, r.Name, r.Roles, r.BuildingGroupId, r.BuildingGroupName, r.HouseholdId, r.Unit, r.FloorArea, r.Email, r.Phone, r.IsHouseholdRepresentative, r.CreatedAt);

    /// <summary>A projection EF can order and filter on before paging.</summary>
    private sealed class ListingRow
    {
        public Guid Id { get; init; }
        public Guid CommunityId { get; init; }
        public string Name { get; init; } = "";
        public PersonRoles Roles { get; init; }
        public Guid? BuildingGroupId { get; init; }
        public string? BuildingGroupName { get; init; }
        public Guid? HouseholdId { get; init; }
        public string? Unit { get; init; }
        public decimal? FloorArea { get; init; }
        public string? Email { get; init; }
        public string? Phone { get; init; }
        public bool IsHouseholdRepresentative { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
    }
}
