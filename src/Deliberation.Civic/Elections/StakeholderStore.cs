using Deliberation.Civic.Communities;
using Deliberation.Civic.Data;
using Deliberation.Engine.Runtime;

namespace Deliberation.Civic.Elections;

/// <summary>
/// Step 2, identifying stakeholders (确定利益相关方): deliberation cases, the affected groups staff define,
/// and the panel — representatives (elected, or households taking part directly), parties and advisors —
/// including replacing a representative who drops out by the next in the count. Elections themselves are
/// in <see cref="ElectionStore"/>. Refusals are <see cref="Deliberation.Engine.Runtime.WorkflowException"/>s.
/// </summary>
public sealed class StakeholderStore(ICivicDatabase database, ElectionOptions options, TimeProvider time)
{
    /// <summary>The longest case title.</summary>
    public const int MaxTitleLength = 200;

    /// <summary>The longest group name.</summary>
    public const int MaxNameLength = 200;

    /// <summary>The longest reason (for dropping out).</summary>
    public const int MaxReasonLength = 1000;

    /// <summary>The most households an ad-hoc group lists.</summary>
    public const int MaxListedHouseholds = 5000;

    /// <summary>Opens a case, from an anchored complaint or on its own.</summary>
    /// <exception cref="Deliberation.Engine.Runtime.WorkflowException">No such community (404) or invalid values (400).</exception>
    public async Task<DeliberationCase> CreateCaseAsync(Guid communityId, Guid? complaintId, string? caseNumber, string? title, bool advisorsMayVote,
        CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        var created = await CreateCaseAsync(db, null, communityId, complaintId, caseNumber, title, advisorsMayVote, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return created;
    }

    /// <summary>Adds a case to <paramref name="db"/> without saving (the caller owns the transaction); <paramref name="id"/> when chosen beforehand.</summary>
    internal async Task<DeliberationCase> CreateCaseAsync(ICivicSession db, Guid? id, Guid communityId, Guid? complaintId, string? caseNumber, string? title,
        bool advisorsMayVote, CancellationToken cancellationToken)
    {
        await RequireCommunityAsync(db, communityId, cancellationToken);
        var errors = new Dictionary<string, FieldError[]>(StringComparer.Ordinal);
        if (complaintId is { } fromComplaint)
        {
            var complaint = await db.Complaints.FirstOrDefaultAsync(c => c.Id == fromComplaint && c.CommunityId == communityId, cancellationToken);
            if (complaint is null) errors["complaintId"] = [StakeholderFields.ComplaintUnknown.Error()];
            else
            {
                caseNumber = string.IsNullOrWhiteSpace(caseNumber) ? complaint.CaseNumber : caseNumber;
                title = string.IsNullOrWhiteSpace(title) ? complaint.Title : title;
            }
        }
        TextRules.Check(errors, "title", title, MaxTitleLength, required: true);
        if (caseNumber?.Trim().Length > 60) errors["caseNumber"] = [CommonFields.AtMost.With(("max", 60))];
        Refusals.ThrowIfAny(errors, "The case is missing something or has invalid values; nothing was created.");

        var now = time.GetUtcNow();
        var created = new DeliberationCase
        {
            Id = id ?? Guid.CreateVersion7(now),
            CommunityId = communityId,
            ComplaintId = complaintId,
            CaseNumber = string.IsNullOrWhiteSpace(caseNumber) ? null : caseNumber.Trim(),
            Title = title!.Trim(),
            AdvisorsMayVote = advisorsMayVote,
            CreatedAt = now,
        };
        db.Cases.Add(created);
        return created;
    }

    /// <summary>A case of the community with its groups.</summary>
    /// <exception cref="Deliberation.Engine.Runtime.WorkflowException">No such case in the community (404).</exception>
    public async Task<CaseSnapshot> GetCaseAsync(Guid communityId, Guid caseId, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        var found = await RequireCaseAsync(db, communityId, caseId, cancellationToken);
        var groups = await db.AffectedGroups.Where(g => g.CaseId == caseId).OrderBy(g => g.CreatedAt).ToListAsync(cancellationToken);
        return new CaseSnapshot(found, groups);
    }

    /// <summary>The community's cases, newest first, optionally only the one with a case number or from a complaint.</summary>
    public async Task<IReadOnlyList<CaseSnapshot>> ListCasesAsync(Guid communityId, string? caseNumber, Guid? complaintId, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        var query = db.Cases.Where(c => c.CommunityId == communityId);
        if (!string.IsNullOrWhiteSpace(caseNumber)) query = query.Where(c => c.CaseNumber == caseNumber);
        if (complaintId is { } complaint) query = query.Where(c => c.ComplaintId == complaint);
        var cases = (await query.ToListAsync(cancellationToken)).OrderByDescending(c => c.CreatedAt).Take(200).ToList();
        var ids = cases.Select(c => c.Id).ToList();
        var groups = await db.AffectedGroups.Where(g => ids.Contains(g.CaseId)).ToListAsync(cancellationToken);
        return cases.Select(c => new CaseSnapshot(c, groups.Where(g => g.CaseId == c.Id).OrderBy(g => g.CreatedAt).ToList())).ToList();
    }

    /// <summary>
    /// A page of the community's cases for the case list, newest first, those <paramref name="filter"/> lets through; each with
    /// the workflow instance its anchored complaint started. Returns the page and how many match.
    /// </summary>
    public async Task<(IReadOnlyList<CaseListing> Items, int Total)> SearchCasesAsync(Guid communityId, CaseFilter filter, int skip, int take,
        CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        var query = Filtered(db, communityId, filter, time.GetUtcNow());
        var total = await query.CountAsync(cancellationToken);
        var rows = await (from c in query
                          join k in db.Complaints on c.ComplaintId equals k.Id into ks
                          from k in ks.DefaultIfEmpty()
                          orderby c.CreatedAt descending, c.Id
                          select new { Case = c, InstanceId = k == null ? null : k.InstanceId })
            .Skip(skip).Take(take).ToListAsync(cancellationToken);
        var steps = await CaseSteps.OfAsync(db, [.. rows.Select(r => r.Case.Id)], time.GetUtcNow(), cancellationToken);
        return (rows.Select(r => new CaseListing(r.Case, r.InstanceId, steps.TryGetValue(r.Case.Id, out var step) ? step : null)).ToList(), total);
    }

    /// <summary>
    /// Defines an affected group from a building group, a precinct or a list of households, and decides how
    /// it takes part: at or below <see cref="ElectionOptions.DirectParticipationMaxHouseholds"/> households
    /// every household representative joins the panel as a voting representative; above it, a group within
    /// one building group elects in one layer, a group spanning several in two.
    /// </summary>
    /// <exception cref="Deliberation.Engine.Runtime.WorkflowException">No such case (404) or invalid values (400).</exception>
    public async Task<GroupSnapshot> DefineGroupAsync(Guid communityId, Guid caseId, string? name, string? kind, Guid? buildingGroupId, Guid? precinctId,
        IReadOnlyList<Guid>? householdIds, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        var group = await DefineGroupAsync(db, null, communityId, caseId, name, kind, buildingGroupId, precinctId, householdIds, cancellationToken);
        await db.SaveChangesAsync(cancellationToken); // one transaction: the group, its households and any direct members
        return group;
    }

    /// <summary>
    /// Adds a group, its households and any direct members to <paramref name="db"/> without saving (the caller owns the
    /// transaction); <paramref name="id"/> when chosen beforehand. The case may be one added to <paramref name="db"/> and not saved yet.
    /// With <paramref name="direct"/> (the case's <see cref="StakeholderModes.Direct"/>) every household takes part directly, whatever the size.
    /// </summary>
    internal async Task<GroupSnapshot> DefineGroupAsync(ICivicSession db, Guid? id, Guid communityId, Guid caseId, string? name, string? kind,
        Guid? buildingGroupId, Guid? precinctId, IReadOnlyList<Guid>? householdIds, CancellationToken cancellationToken, bool direct = false)
    {
        if (db.Cases.Local.All(c => c.Id != caseId || c.CommunityId != communityId)) await RequireCaseAsync(db, communityId, caseId, cancellationToken);
        var errors = new Dictionary<string, FieldError[]>(StringComparer.Ordinal);
        List<Household> households = [];
        Guid? sourceId = null;
        string? defaultName = null;
        switch (kind)
        {
            case AffectedGroupKinds.BuildingGroup:
                var building = buildingGroupId is { } b ? await db.BuildingGroups.FirstOrDefaultAsync(x => x.Id == b && x.CommunityId == communityId, cancellationToken) : null;
                if (building is null) errors["buildingGroupId"] = [StakeholderFields.BuildingGroupRequired.Error()];
                else
                {
                    (sourceId, defaultName) = (building.Id, building.Name);
                    households = await db.Households.Where(h => h.BuildingGroupId == building.Id).ToListAsync(cancellationToken);
                }
                break;
            case AffectedGroupKinds.Precinct:
                var precinct = precinctId is { } p ? await db.Precincts.FirstOrDefaultAsync(x => x.Id == p && x.CommunityId == communityId, cancellationToken) : null;
                if (precinct is null) errors["precinctId"] = [StakeholderFields.PrecinctRequired.Error()];
                else
                {
                    (sourceId, defaultName) = (precinct.Id, precinct.Name);
                    var buildings = db.BuildingGroups.Where(x => x.PrecinctId == precinct.Id).Select(x => x.Id);
                    households = await db.Households.Where(h => buildings.Contains(h.BuildingGroupId)).ToListAsync(cancellationToken);
                }
                break;
            case AffectedGroupKinds.AdHoc:
                var ids = (householdIds ?? []).Distinct().ToList();
                if (ids.Count is 0 or > MaxListedHouseholds) errors["householdIds"] = [StakeholderFields.HouseholdCount.With(("max", MaxListedHouseholds))];
                else
                {
                    households = await db.Households.Where(h => ids.Contains(h.Id) && h.CommunityId == communityId).ToListAsync(cancellationToken);
                    if (households.Count != ids.Count) errors["householdIds"] = [StakeholderFields.HouseholdsElsewhere.Error()];
                }
                break;
            default:
                errors["kind"] = [StakeholderFields.GroupKind.With(("kinds", string.Join(", ", AffectedGroupKinds.All)))];
                break;
        }
        name = string.IsNullOrWhiteSpace(name) ? defaultName : name.Trim();
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength) errors["name"] = [CommonFields.RequiredAtMost.With(("max", MaxNameLength))];
        if (errors.Count == 0 && households.Count == 0) errors["households"] = [StakeholderFields.GroupEmpty.Error()];
        Refusals.ThrowIfAny(errors, "The group is missing something or has invalid values; nothing was created.");

        var now = time.GetUtcNow();
        var buildingIds = households.Select(h => h.BuildingGroupId).Distinct().ToList();
        var group = new AffectedGroup
        {
            Id = id ?? Guid.CreateVersion7(now),
            CaseId = caseId,
            CommunityId = communityId,
            Name = name!,
            Kind = kind!,
            SourceId = sourceId,
            HouseholdCount = households.Count,
            Mode = direct ? ParticipationModes.Direct
                : ModeFor(households.Count, buildingIds.Count, households.Select(h => h.Entrance).Where(e => e.Length > 0).Distinct().Count()),
            CreatedAt = now,
        };
        db.AffectedGroups.Add(group);
        db.AffectedHouseholds.AddRange(households.Select(h => new AffectedHousehold
        {
            GroupId = group.Id, HouseholdId = h.Id, BuildingGroupId = h.BuildingGroupId, Entrance = h.Entrance,
        }));
        var householdSet = households.Select(h => h.Id).ToList();
        var representatives = Voters.OnePerHousehold(await db.People
            .Where(x => x.IsHouseholdRepresentative && x.HouseholdId != null && householdSet.Contains(x.HouseholdId.Value)).ToListAsync(cancellationToken));
        if (group.Mode == ParticipationModes.Direct)
        {
            var seated = await db.PanelMembers.Where(m => m.CaseId == caseId && m.LeftAt == null).Select(m => m.PersonId).ToListAsync(cancellationToken);
            foreach (var person in representatives.Where(r => !seated.Contains(r.Id)))
                db.PanelMembers.Add(new PanelMember
                {
                    Id = Guid.CreateVersion7(now), CaseId = caseId, CommunityId = communityId, PersonId = person.Id, Role = PanelRoles.Representative,
                    Votes = true, Source = PanelSources.Direct, GroupId = group.Id, JoinedAt = now,
                });
        }
        return new GroupSnapshot(group, buildingIds, households.Count - representatives.Count, []);
    }

    /// <summary>
    /// How a group of <paramref name="households"/> households in <paramref name="buildingGroups"/> building groups, reached by
    /// <paramref name="entrances"/> entrances (单元) the roster names, takes part: directly at or below the threshold; else
    /// elected in two layers across building groups, or within one building above
    /// <see cref="ElectionOptions.LayerByEntranceAboveHouseholds"/> households by entrance; else in one layer.
    /// </summary>
    public string ModeFor(int households, int buildingGroups, int entrances = 0) =>
        households <= options.DirectParticipationMaxHouseholds ? ParticipationModes.Direct
            : buildingGroups > 1 ? ParticipationModes.Layered
            : entrances > 1 && households > options.LayerByEntranceAboveHouseholds ? ParticipationModes.Layered
            : ParticipationModes.SingleLayer;

    /// <summary>An affected group of the community.</summary>
    /// <exception cref="Deliberation.Engine.Runtime.WorkflowException">No such group in the community (404).</exception>
    public async Task<GroupSnapshot> GetGroupAsync(Guid communityId, Guid groupId, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        var group = await db.AffectedGroups.FirstOrDefaultAsync(g => g.Id == groupId && g.CommunityId == communityId, cancellationToken)
            ?? throw Refusals.NotFound("group-not-found", $"There is no affected group {groupId}.");
        var households = db.AffectedHouseholds.Where(h => h.GroupId == groupId);
        var buildingIds = await households.Select(h => h.BuildingGroupId).Distinct().ToListAsync(cancellationToken);
        var ids = households.Select(h => h.HouseholdId);
        var represented = await db.People.Where(p => p.IsHouseholdRepresentative && p.HouseholdId != null && ids.Contains(p.HouseholdId.Value))
            .Select(p => p.HouseholdId).Distinct().CountAsync(cancellationToken);
        var elections = await db.Elections.Where(e => e.GroupId == groupId).OrderBy(e => e.Layer).ThenBy(e => e.CreatedAt).ToListAsync(cancellationToken);
        return new GroupSnapshot(group, buildingIds, group.HouseholdCount - represented, elections);
    }

    /// <summary>
    /// Adds a party (property company, owners' committee, social worker, social organisation, resident unit, or a kind the
    /// community added, <see cref="Community.PartyKinds"/>) or a professional advisor (lawyer, accountant). Parties vote unless told otherwise; advisors do not,
    /// and may only when the case's rules allow it (<see cref="DeliberationCase.AdvisorsMayVote"/>).
    /// </summary>
    /// <exception cref="Deliberation.Engine.Runtime.WorkflowException">No such case (404), invalid values (400), or the person already sits on the panel (409).</exception>
    public Task<PanelEntry> AddToPanelAsync(Guid communityId, Guid caseId, Guid personId, string? role, string? partyKind, bool? votes,
        CancellationToken cancellationToken) =>
        AddToPanelAsync(communityId, caseId, personId, role, partyKind, votes, null, cancellationToken);

    /// <summary>
    /// Adds an organisation of the community's directory (<see cref="Organisations.Organisation"/>) to the panel as a party:
    /// its representative joins with the organisation's kind and name. The representative must be linked to the roster.
    /// </summary>
    /// <exception cref="Deliberation.Engine.Runtime.WorkflowException">
    /// No such case or organisation (404), no representative or one not on the roster (400, field <c>organisationId</c>),
    /// or the representative already sits on the panel (409).
    /// </exception>
    public async Task<PanelEntry> AddOrganisationToPanelAsync(Guid communityId, Guid caseId, Guid organisationId, bool? votes, CancellationToken cancellationToken)
    {
        Organisations.Organisation organisation;
        Organisations.OrganisationContact? representative;
        await using (var db = database.Open())
        {
            await RequireCaseAsync(db, communityId, caseId, cancellationToken);
            organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Id == organisationId && o.CommunityId == communityId, cancellationToken)
                ?? throw new WorkflowException(WorkflowErrorKind.NotFound, "organisation-not-found", $"The community has no organisation {organisationId}.");
            representative = await db.OrganisationContacts.FirstOrDefaultAsync(c => c.OrganisationId == organisationId && c.IsRepresentative, cancellationToken);
        }
        var problem = representative is null ? Organisations.OrganisationFields.NoRepresentative.Error()
            : representative.PersonId is null ? Organisations.OrganisationFields.RepresentativeNotOnRoster.Error() : null;
        if (problem is not null)
            Refusals.ThrowIfAny(new Dictionary<string, FieldError[]> { ["organisationId"] = [problem] }, "The organisation cannot join the panel; nothing was added.");
        return await AddToPanelAsync(communityId, caseId, representative!.PersonId!.Value, PanelRoles.Party, organisation.Kind, votes, organisation, cancellationToken);
    }

    private async Task<PanelEntry> AddToPanelAsync(Guid communityId, Guid caseId, Guid personId, string? role, string? partyKind, bool? votes,
        Organisations.Organisation? organisation, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        var found = await RequireCaseAsync(db, communityId, caseId, cancellationToken);
        var errors = new Dictionary<string, FieldError[]>(StringComparer.Ordinal);
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == personId && p.CommunityId == communityId, cancellationToken);
        if (person is null) errors["personId"] = [CommonFields.PersonUnknown.Error()];
        var own = (await db.Communities.Where(c => c.Id == communityId).Select(c => c.PartyKinds).FirstOrDefaultAsync(cancellationToken) ?? "")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var kinds = role switch
        {
            PanelRoles.Party => [.. PartyKinds.Parties, .. own],
            PanelRoles.Advisor => PartyKinds.Advisors,
            _ => null,
        };
        if (kinds is null) errors["role"] = [StakeholderFields.PanelRole.With(("party", PanelRoles.Party), ("advisor", PanelRoles.Advisor))];
        else if (partyKind is null || !kinds.Contains(partyKind)) errors["partyKind"] = [StakeholderFields.PartyKind.With(("role", role), ("kinds", string.Join(", ", kinds)))];
        if (role == PanelRoles.Advisor && votes == true && !found.AdvisorsMayVote)
            errors["votes"] = [StakeholderFields.AdvisorsMayNotVote.Error()];
        Refusals.ThrowIfAny(errors, "The panel member is missing something or has invalid values; nothing was added.");
        if (await db.PanelMembers.AnyAsync(m => m.CaseId == caseId && m.PersonId == personId && m.LeftAt == null, cancellationToken))
            throw Refusals.Conflict("already-on-panel", "The person already sits on this panel; nothing was added.");

        var now = time.GetUtcNow();
        var member = new PanelMember
        {
            Id = Guid.CreateVersion7(now), CaseId = caseId, CommunityId = communityId, PersonId = personId, Role = role!, PartyKind = partyKind,
            Votes = votes ?? role == PanelRoles.Party, Source = PanelSources.Staff, JoinedAt = now,
            OrganisationId = organisation?.Id, OrganisationName = organisation?.Name,
        };
        db.PanelMembers.Add(member);
        await db.SaveChangesAsync(cancellationToken);
        return new PanelEntry(member, person!.Name);
    }

    /// <summary>The panel: every member, those who dropped out too (with who replaced them), in order of joining.</summary>
    /// <exception cref="Deliberation.Engine.Runtime.WorkflowException">No such case (404).</exception>
    public async Task<IReadOnlyList<PanelEntry>> GetPanelAsync(Guid communityId, Guid caseId, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        await RequireCaseAsync(db, communityId, caseId, cancellationToken);
        var members = await db.PanelMembers.Where(m => m.CaseId == caseId).ToListAsync(cancellationToken);
        var ids = members.Select(m => m.PersonId).Distinct().ToList();
        var names = await db.People.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        return members.OrderBy(m => m.JoinedAt).ThenBy(m => m.Id).Select(m => new PanelEntry(m, names.GetValueOrDefault(m.PersonId, ""))).ToList();
    }

    /// <summary>
    /// Records that a member drops out. An elected representative's seat goes to the next in that election's
    /// count (the best-placed candidate not elected, not already seated, with votes); the replacement is linked both ways.
    /// </summary>
    /// <exception cref="Deliberation.Engine.Runtime.WorkflowException">No such member (404), a missing reason (400), or the member already left (409).</exception>
    public async Task<DropOutResult> DropOutAsync(Guid communityId, Guid memberId, string? reason, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > MaxReasonLength)
            throw Refusals.Invalid(new Dictionary<string, FieldError[]> { ["reason"] = [CommonFields.RequiredAtMost.With(("max", MaxReasonLength))] }, "Say why the member drops out; nothing changed.");
        await using var db = database.Open(tracking: true);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var member = await db.PanelMembers.FirstOrDefaultAsync(m => m.Id == memberId && m.CommunityId == communityId, cancellationToken)
            ?? throw Refusals.NotFound("panel-member-not-found", $"There is no panel member {memberId}.");
        if (member.LeftAt is not null) throw Refusals.Conflict("already-left", "The member already dropped out; nothing changed.");

        var now = time.GetUtcNow();
        member.LeftAt = now;
        member.LeftReason = reason.Trim();
        PanelMember? replacement = null;
        if (member is { Role: PanelRoles.Representative, Source: PanelSources.Election, ElectionId: { } electionId })
        {
            var candidates = await db.Candidates.Where(c => c.ElectionId == electionId).ToListAsync(cancellationToken);
            var seated = await db.PanelMembers.Where(m => m.ElectionId == electionId).Select(m => m.PersonId).ToListAsync(cancellationToken);
            var ranking = candidates.Where(c => c.Rank is not null)
                .Select(c => new CountedCandidate(c.Id, c.Votes ?? 0, c.Rank!.Value, c.Elected)).ToList();
            var unavailable = candidates.Where(c => seated.Contains(c.PersonId)).Select(c => c.Id).ToHashSet();
            if (PluralityCount.NextInCount(ranking, unavailable) is { } next)
            {
                replacement = new PanelMember
                {
                    Id = Guid.CreateVersion7(now), CaseId = member.CaseId, CommunityId = communityId,
                    PersonId = candidates.Single(c => c.Id == next.CandidateId).PersonId,
                    Role = PanelRoles.Representative, Votes = member.Votes, Source = PanelSources.Election, GroupId = member.GroupId,
                    ElectionId = electionId, JoinedAt = now, ReplacesId = member.Id,
                };
                member.ReplacedById = replacement.Id;
                db.PanelMembers.Add(replacement);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var ids = new[] { member.PersonId, replacement?.PersonId ?? member.PersonId };
        var names = await db.People.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        return new DropOutResult(new PanelEntry(member, names.GetValueOrDefault(member.PersonId, "")),
            replacement is null ? null : new PanelEntry(replacement, names.GetValueOrDefault(replacement.PersonId, "")));
    }

    private static async Task RequireCommunityAsync(ICivicSession db, Guid communityId, CancellationToken cancellationToken)
    {
        if (!await db.Communities.AnyAsync(c => c.Id == communityId, cancellationToken))
            throw Refusals.NotFound("community-not-found", $"There is no community {communityId}.");
    }

    /// <summary>The community's cases the case list shows: open or closed ones, those whose title or case number holds the search.</summary>
    internal static IQueryable<DeliberationCase> Filtered(ICivicSession db, Guid communityId, CaseFilter filter, DateTimeOffset now)
    {
        var query = db.Cases.Where(c => c.CommunityId == communityId);
        if (filter.Status == "open") query = query.Where(c => c.ClosedAt == null);
        else if (filter.Status == "closed") query = query.Where(c => c.ClosedAt != null);
        if (filter.BuildingGroupId is { } building)
            query = query.Where(c => db.ComplaintScopes.Any(s => s.ComplaintId == c.ComplaintId && s.BuildingGroupId == building)
                || db.AffectedHouseholds.Any(h => h.BuildingGroupId == building && db.AffectedGroups.Any(g => g.Id == h.GroupId && g.CaseId == c.Id)));
        if (!string.IsNullOrWhiteSpace(filter.Matter))
        {
            var matter = filter.Matter.Trim();
            query = query.Where(c => db.Complaints.Any(k => k.Id == c.ComplaintId && k.CategoryCode == matter));
        }
        if (filter.Overdue) query = query.Where(c => db.ActionItems.Any(i => i.CaseId == c.Id && i.DoneAt == null && i.DueAt < now));
        if (filter.Step is { } step) query = query.AtStep(db, step, now);
        if (string.IsNullOrWhiteSpace(filter.Search)) return query;
        var part = filter.Search.Trim();
        return query.Where(c => c.Title.Contains(part) || (c.CaseNumber != null && c.CaseNumber.Contains(part)));
    }

    internal static async Task<DeliberationCase> RequireCaseAsync(ICivicSession db, Guid communityId, Guid caseId, CancellationToken cancellationToken) =>
        await db.Cases.FirstOrDefaultAsync(c => c.Id == caseId && c.CommunityId == communityId, cancellationToken)
        ?? throw Refusals.NotFound("case-not-found", $"There is no case {caseId}.");
}
