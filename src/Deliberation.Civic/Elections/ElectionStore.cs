using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Deliberation.Civic.Communities;
using Deliberation.Civic.Data;
using Deliberation.Civic.Links;
using Deliberation.Civic.Participation;
using Deliberation.Civic.Replies;
using Deliberation.Civic.Roster;
using Deliberation.Engine.Definitions;
using Deliberation.Engine.Messaging;
using Deliberation.Engine.Runtime;

namespace Deliberation.Civic.Elections;

/// <summary>
/// Elections of affected groups (逐层推选): opening them per layer, nominations, ballots as participation
/// tasks whose links are emailed through the outbox in the same transaction, reminders to those who have not
/// voted, the count (current answers only, one per household or delegate) with its tie rule, and the results:
/// layer-1 winners are the layer-2 electorate, representatives join the panel. Refusals are
/// <see cref="Deliberation.Engine.Runtime.WorkflowException"/>s with stable codes.
/// </summary>
public sealed class ElectionStore(ICivicDatabase database, AnswerLinks links, ReplyAddresses replies, TimeProvider time)
{
    /// <summary>How long before the deadline non-voters are reminded when staff do not say.</summary>
    public static readonly TimeSpan DefaultReminderBefore = TimeSpan.FromHours(24);

    /// <summary>The longest reason for a tie decision.</summary>
    public const int MaxReasonLength = 1000;

    /// <summary>
    /// Opens layer 1: one election per building group of the group, where its households elect delegates (or, for a group
    /// within one building group, the representatives); a layered group within one building elects per entrance (单元).
    /// </summary>
    /// <exception cref="Deliberation.Engine.Runtime.WorkflowException">No such group (404), invalid settings (400), a group that takes part directly or whose elections are open (409).</exception>
    public async Task<IReadOnlyList<Election>> OpenFirstLayerAsync(Guid communityId, Guid groupId, ElectionSettings settings, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        var elections = await OpenFirstLayerAsync(db, communityId, groupId, settings, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return elections;
    }

    /// <summary>Adds layer 1's elections to <paramref name="db"/> without saving (the caller owns the transaction).</summary>
    internal async Task<IReadOnlyList<Election>> OpenFirstLayerAsync(ICivicSession db, Guid communityId, Guid groupId, ElectionSettings settings,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var group = await RequireGroupAsync(db, communityId, groupId, cancellationToken);
        if (group.Mode == ParticipationModes.Direct)
            throw Refusals.Conflict("group-takes-part-directly", "The group is small enough to take part directly: its household representatives are on the panel; nothing was opened.");
        var template = Validate(settings);
        if (await db.Elections.AnyAsync(e => e.GroupId == groupId && e.Layer == 1, cancellationToken))
            throw Refusals.Conflict("elections-already-open", "The group's layer-1 elections are open already; nothing was opened.");

        var buildingIds = db.AffectedHouseholds.Where(h => h.GroupId == groupId).Select(h => h.BuildingGroupId);
        var buildings = await db.BuildingGroups.Where(b => buildingIds.Contains(b.Id)).ToListAsync(cancellationToken);
        var seats = settings.SeatsByBuildingGroup ?? new Dictionary<Guid, int>();
        if (seats.Any(s => buildings.All(b => b.Id != s.Key) || s.Value is < Election.MinSeats or > Election.MaxSeats))
            throw Refusals.Invalid(new Dictionary<string, FieldError[]>
            {
                ["seatsByBuildingGroup"] = [StakeholderFields.SeatsByBuilding.With(("min", Election.MinSeats), ("max", Election.MaxSeats))],
            }, "The election settings are invalid; nothing was opened.");
        List<Election> elections;
        if (group.Mode == ParticipationModes.Layered && buildings.Count == 1)
        {
            // One large building: each entrance (单元) elects its delegates; households the roster gives no entrance vote together.
            var entrances = (await db.AffectedHouseholds.Where(h => h.GroupId == groupId).Select(h => h.Entrance).ToListAsync(cancellationToken))
                .CountBy(e => e).ToList();
            elections = entrances.OrderBy(e => e.Key, NaturalComparer.Instance).Select(entrance =>
            {
                var election = Open(template, group, 1, buildings[0].Id, electsRepresentatives: false);
                election.Entrance = entrance.Key;
                election.Seats = settings.SeatsBySize && settings.Seats is null ? Election.SeatsBySize(entrance.Value) : template.Seats;
                return election;
            }).ToList();
        }
        else
        {
            var sizes = (await db.AffectedHouseholds.Where(h => h.GroupId == groupId).Select(h => h.BuildingGroupId).ToListAsync(cancellationToken)).CountBy(b => b)
                .ToDictionary(x => x.Key, x => x.Value);
            elections = buildings.OrderBy(b => b.Label, NaturalComparer.Instance).Select(b =>
            {
                var election = Open(template, group, 1, b.Id, group.Mode == ParticipationModes.SingleLayer);
                election.Seats = seats.GetValueOrDefault(b.Id,
                    settings.SeatsBySize && settings.Seats is null ? Election.SeatsBySize(sizes.GetValueOrDefault(b.Id)) : template.Seats);
                return election;
            }).ToList();
        }
        db.Elections.AddRange(elections);
        foreach (var election in elections) await InviteToNominateAsync(db, election, cancellationToken);
        return elections;
    }

    /// <summary>Opens layer 2 of a layered group: its delegates (the winners of every layer-1 election) elect the representatives.</summary>
    /// <exception cref="Deliberation.Engine.Runtime.WorkflowException">No such group (404), invalid settings (400), a group without layer 2, layer 1 not counted yet, or layer 2 open already (409).</exception>
    public async Task<Election> OpenSecondLayerAsync(Guid communityId, Guid groupId, ElectionSettings settings, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        var election = await OpenSecondLayerAsync(db, communityId, groupId, settings, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return election;
    }

    /// <summary>Adds layer 2's election to <paramref name="db"/> without saving (the caller owns the transaction).</summary>
    internal async Task<Election> OpenSecondLayerAsync(ICivicSession db, Guid communityId, Guid groupId, ElectionSettings settings,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var group = await RequireGroupAsync(db, communityId, groupId, cancellationToken);
        if (group.Mode != ParticipationModes.Layered)
            throw Refusals.Conflict("no-second-layer", "Only a group spanning several building groups elects in two layers; nothing was opened.");
        var template = Validate(settings);
        if (settings.SeatsByBuildingGroup is { Count: > 0 })
            throw Refusals.Invalid(new Dictionary<string, FieldError[]> { ["seatsByBuildingGroup"] = [StakeholderFields.LayerTwoSeats.Error()] },
                "The election settings are invalid; nothing was opened.");
        var elections = await db.Elections.Where(e => e.GroupId == groupId).ToListAsync(cancellationToken);
        if (elections.Any(e => e.Layer == 2)) throw Refusals.Conflict("elections-already-open", "The group's layer-2 election is open already; nothing was opened.");
        if (elections.Count == 0 || elections.Any(e => e.Status != ElectionStatuses.Counted))
            throw Refusals.Conflict("first-layer-not-counted", "Every layer-1 election must be counted first: its winners are the layer-2 electorate; nothing was opened.");
        var election = Open(template, group, 2, null, electsRepresentatives: true);
        if (settings.SeatsBySize && settings.Seats is null) election.Seats = Election.SeatsBySize(group.HouseholdCount);
        db.Elections.Add(election);
        await InviteToNominateAsync(db, election, cancellationToken);
        return election;
    }

    /// <summary>
    /// Reopens the nominations of a layer whose window ended while an election of it had nobody nominated (the workflow's
    /// path when <c>CloseNominations</c> finds no candidates), adding the changes to <paramref name="db"/>, a tracking
    /// context in the caller's transaction, without saving. Every election of the layer takes nominations until the new
    /// deadline, with the new ballot deadline and reminder, so the layer stays on one set of timers; the nomination links
    /// of all its voters work until then. The voters of each election without candidates are invited again: those with
    /// an email get a new email (an election opened before nominations by link gets its invitations now).
    /// </summary>
    /// <exception cref="Deliberation.Engine.Runtime.WorkflowException">No such group (404), invalid settings (400), the layer not taking nominations or its window not over (409).</exception>
    internal async Task<IReadOnlyList<Election>> ReopenNominationsAsync(ICivicSession db, Guid communityId, Guid groupId, int layer,
        ElectionSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await RequireGroupAsync(db, communityId, groupId, cancellationToken);
        var template = Validate(settings);
        var now = time.GetUtcNow();
        var elections = (await db.Elections.Where(e => e.GroupId == groupId && e.Layer == layer).ToListAsync(cancellationToken)).OrderBy(e => e.CreatedAt).ToList();
        if (elections.Count == 0 || elections.Any(e => e.Status != ElectionStatuses.Nominating))
            throw Refusals.Conflict("not-nominating", $"The group's layer-{layer} elections are not taking nominations; nothing was reopened.");
        if (elections.Any(e => now < e.NominationsCloseAt))
            throw Refusals.Conflict("nominations-still-open", "Nominations are still open; nothing was reopened.");
        foreach (var election in elections)
        {
            (election.NominationsCloseAt, election.BallotClosesAt, election.ReminderBefore, election.ReminderAt) =
                (template.NominationsCloseAt, template.BallotClosesAt, template.ReminderBefore, template.ReminderAt);
            var invited = await db.NominationInvitations.Where(i => i.ElectionId == election.Id).ToListAsync(cancellationToken);
            var taskIds = invited.Select(i => i.TaskId).ToList();
            var tasks = await db.Tasks.Where(t => taskIds.Contains(t.Id) && t.ClosedAt == null).ToListAsync(cancellationToken);
            foreach (var task in tasks) task.ClosesAt = election.NominationsCloseAt;
            if (await db.Candidates.AnyAsync(c => c.ElectionId == election.Id, cancellationToken)) continue;
            if (invited.Count == 0)
            {
                await InviteToNominateAsync(db, election, cancellationToken);
                continue;
            }
            var title = await BallotTitleAsync(db, election, cancellationToken);
            var personIds = invited.Where(i => i.Emailed).Select(i => i.PersonId).ToList();
            var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id) && p.Email != null).ToDictionaryAsync(p => p.Id, cancellationToken);
            foreach (var task in tasks.Where(t => people.ContainsKey(t.PersonId)))
            {
                var person = people[task.PersonId];
                db.QueueEmail(NominationEmails.Compose(person.Email!, person.Name, title, election, links.CreateUrl(task, now), reopened: true), now);
            }
        }
        return elections;
    }

    /// <summary>An election of the community with its candidates and ballots.</summary>
    /// <exception cref="Deliberation.Engine.Runtime.WorkflowException">No such election in the community (404).</exception>
    public async Task<ElectionSnapshot> GetAsync(Guid communityId, Guid electionId, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        var election = await RequireElectionAsync(db, communityId, electionId, cancellationToken);
        return await SnapshotAsync(db, election, cancellationToken);
    }

    /// <summary>
    /// Nominates a candidate, by themself, by another voter, or (without a nominator) entered by staff.
    /// Candidate and nominator must belong to the electorate: a household representative of the building
    /// group in layer 1, a delegate in layer 2.
    /// </summary>
    /// <exception cref="Deliberation.Engine.Runtime.WorkflowException">No such election (404), someone outside the electorate (400), nominations closed or a repeated nomination (409).</exception>
    public async Task<CandidateEntry> NominateAsync(Guid communityId, Guid electionId, Guid personId, Guid? nominatedByPersonId, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        var election = await RequireElectionAsync(db, communityId, electionId, cancellationToken);
        try
        {
            return await NominateAsync(db, election, personId, nominatedByPersonId, cancellationToken);
        }
        catch (DataWriteException)
        {
            throw AlreadyNominated();
        }
    }

    /// <summary>
    /// Records a voter's nominations as their nomination link (or their building head, on their behalf) gave them, in
    /// <paramref name="db"/> within the answer's transaction, and saves. Each person named who is not a candidate yet is
    /// nominated by the voter under the rules of <see cref="NominateAsync(Guid, Guid, Guid, Guid?, CancellationToken)"/>
    /// (self-nomination when the voter names themself). Candidates the voter nominated before and no longer names are
    /// withdrawn — unless another voter's current nomination names them too, who then becomes their nominator. Nominations
    /// staff entered are never withdrawn this way. A <c>nominate</c> task staff created by hand belongs to no election:
    /// its answer is recorded and nothing more.
    /// </summary>
    /// <exception cref="Deliberation.Engine.Runtime.WorkflowException">Someone outside the electorate (400), nominations closed (409).</exception>
    internal async Task RecordNominationsAsync(ICivicSession db, ParticipationTask task, IReadOnlyCollection<Guid> nominees, CancellationToken cancellationToken)
    {
        var invitation = await db.NominationInvitations.AsNoTracking().FirstOrDefaultAsync(i => i.TaskId == task.Id, cancellationToken);
        if (invitation is null) return;
        var election = await RequireElectionAsync(db, task.CommunityId, invitation.ElectionId, cancellationToken);
        EnsureNominating(election, time.GetUtcNow());
        var voter = task.PersonId;
        var candidates = await db.Candidates.AsNoTracking().Where(c => c.ElectionId == election.Id).ToListAsync(cancellationToken);
        foreach (var withdrawn in candidates.Where(c => c.NominatedByPersonId == voter && !nominees.Contains(c.PersonId)))
        {
            var mine = db.Candidates.Where(c => c.Id == withdrawn.Id);
            if (await OtherNominatorAsync(db, election.Id, task.Id, withdrawn.PersonId, cancellationToken) is { } successor)
                await mine.ExecuteUpdateAsync(s => s.SetProperty(c => c.NominatedByPersonId, successor)
                    .SetProperty(c => c.NominationKind, KindOf(withdrawn.PersonId, successor)), cancellationToken);
            else await mine.ExecuteDeleteAsync(cancellationToken);
        }
        foreach (var nominee in nominees.Where(n => candidates.All(c => c.PersonId != n)))
            await NominateAsync(db, election, nominee, voter, cancellationToken);
    }

    /// <summary>Adds a candidate to <paramref name="db"/> and saves: the rules every nomination follows, by whatever channel.</summary>
    private async Task<CandidateEntry> NominateAsync(ICivicSession db, Election election, Guid personId, Guid? nominatedByPersonId,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        EnsureNominating(election, now);
        var electorate = await ElectorateAsync(db, election, cancellationToken);
        var errors = new Dictionary<string, FieldError[]>(StringComparer.Ordinal);
        var households = election.Layer == 1;
        if (electorate.All(v => v.Id != personId))
            errors["personId"] = [(households ? StakeholderFields.CandidateOutsideHouseholds : StakeholderFields.CandidateOutsideDelegates).Error()];
        if (nominatedByPersonId is { } by && electorate.All(v => v.Id != by))
            errors["nominatedByPersonId"] = [(households ? StakeholderFields.NominatorOutsideHouseholds : StakeholderFields.NominatorOutsideDelegates).Error()];
        Refusals.ThrowIfAny(errors, "The nomination is invalid; nothing was recorded.");
        if (await db.Candidates.AnyAsync(c => c.ElectionId == election.Id && c.PersonId == personId, cancellationToken)) throw AlreadyNominated();

        // After the largest rather than the count: a withdrawn nomination leaves a gap, and positions must stay distinct.
        var position = (await db.Candidates.Where(c => c.ElectionId == election.Id).MaxAsync(c => (int?)c.Position, cancellationToken) ?? 0) + 1;
        var candidate = new Candidate
        {
            Id = Guid.CreateVersion7(now), ElectionId = election.Id, PersonId = personId, NominatedByPersonId = nominatedByPersonId,
            NominationKind = KindOf(personId, nominatedByPersonId), NominatedAt = now, Position = position,
        };
        db.Candidates.Add(candidate);
        await db.SaveChangesAsync(cancellationToken);
        return new CandidateEntry(candidate, electorate.Single(v => v.Id == personId).Name);
    }

    private static string KindOf(Guid personId, Guid? nominatedByPersonId) =>
        nominatedByPersonId is null ? NominationKinds.Staff : nominatedByPersonId == personId ? NominationKinds.Self : NominationKinds.Other;

    /// <summary>Refuses a nomination, or a change to one, once the election no longer takes them.</summary>
    private static void EnsureNominating(Election election, DateTimeOffset now)
    {
        if (election.Status != ElectionStatuses.Nominating || now >= election.NominationsCloseAt)
            throw Refusals.Conflict("nominations-closed", "Nominations for this election have closed; nothing was recorded.");
    }

    private static Deliberation.Engine.Runtime.WorkflowException AlreadyNominated() =>
        Refusals.Conflict("already-nominated", "The person is a candidate already; nothing was recorded.");

    /// <summary>The earliest other voter whose current nomination (by link or on their behalf) names the person; null when none does.</summary>
    private static async Task<Guid?> OtherNominatorAsync(ICivicSession db, Guid electionId, Guid exceptTaskId, Guid personId, CancellationToken cancellationToken)
    {
        var answers = await db.NominationInvitations.Where(i => i.ElectionId == electionId && i.TaskId != exceptTaskId)
            .Join(db.TaskAnswers.Where(a => a.IsCurrent), i => i.TaskId, a => a.TaskId, (i, a) => new { i.PersonId, a.Answer, a.AnsweredAt })
            .ToListAsync(cancellationToken);
        return answers.OrderBy(a => a.AnsweredAt)
            .Where(a => TaskForm.ChosenValues(a.Answer).Any(v => Guid.TryParse(v, out var id) && id == personId))
            .Select(a => (Guid?)a.PersonId).FirstOrDefault();
    }

    /// <summary>
    /// Invites every voter of a new election to nominate: a task (purpose <c>nominate</c>: the electorate as options, at
    /// most <see cref="Election.Seats"/> of them, closing when nominations close) per voter, and for each voter with an
    /// email the link in a Chinese email — added to <paramref name="db"/> with the election, without saving.
    /// </summary>
    private async Task InviteToNominateAsync(ICivicSession db, Election election, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var voters = await ElectorateAsync(db, election, cancellationToken);
        if (voters.Count == 0) return;
        var title = await BallotTitleAsync(db, election, cancellationToken);
        var units = await UnitsAsync(db, voters, cancellationToken);
        var labels = voters.ToDictionary(v => v.Id, v => v.HouseholdId is { } h && units.TryGetValue(h, out var unit) ? $"{unit.Building}-{unit.Unit} {v.Name}" : v.Name);
        var neighbours = election.Layer == 1 ? "邻居" : "其他楼栋代表";
        var description = $"共选出{election.Seats}名。请勾选您提名的人：可以提名自己，也可以提名{neighbours}，最多{election.Seats}人。提名截止前可以修改，以截止时的提名为准；提名截止后，从被提名的人中投票选出。";
        foreach (var voter in voters)
        {
            var data = new JsonObject
            {
                ["options"] = new JsonArray(voters.Select(v => (JsonNode)new JsonObject
                {
                    ["value"] = v.Id.ToString(),
                    ["label"] = v.Id == voter.Id ? labels[v.Id] + "（本人）" : labels[v.Id],
                }).ToArray()),
                ["multiple"] = true,
                ["maxChoices"] = election.Seats,
                ["description"] = description,
            };
            var task = new ParticipationTask
            {
                Id = Guid.CreateVersion7(now), CommunityId = election.CommunityId, PersonId = voter.Id, Purpose = TaskPurposes.Nominate,
                Title = title, Data = data.ToJsonString(DefinitionJson.Options), CreatedAt = now, ClosesAt = election.NominationsCloseAt, LinkVersion = 1,
            };
            db.Tasks.Add(task);
            var emailed = !string.IsNullOrEmpty(voter.Email);
            db.NominationInvitations.Add(new NominationInvitation { TaskId = task.Id, ElectionId = election.Id, PersonId = voter.Id, Emailed = emailed });
            if (emailed) db.QueueEmail(NominationEmails.Compose(voter.Email!, voter.Name, title, election, links.CreateUrl(task, now)), now);
        }
    }

    /// <summary>
    /// Closes nominations and opens the ballot: one task (purpose <c>ballot</c>, the candidates as options,
    /// closing at the deadline) per voter, and for each voter with an email the link in a Chinese email — all
    /// in one transaction with the outbox rows. Voters without email vote on paper through their building head.
    /// </summary>
    /// <exception cref="Deliberation.Engine.Runtime.WorkflowException">No such election (404); not taking nominations, no candidates, no voters, or the deadline passed (409).</exception>
    public async Task<ElectionSnapshot> CloseNominationsAsync(Guid communityId, Guid electionId, CancellationToken cancellationToken)
    {
        await using var db = database.Open(tracking: true);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var instanceId = await InstanceOfAsync(db, communityId, electionId, cancellationToken);
        // No step of the instance runs meanwhile: the workflow's own close at the deadline cannot issue a second set of ballots.
        if (instanceId is { } locked) await db.LockInstanceAsync(locked, cancellationToken);
        var election = await CloseNominationsAsync(db, communityId, electionId, cancellationToken);
        var now = time.GetUtcNow();
        if (now < election.NominationsCloseAt) election.NominationsCloseAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await QueueWhenLayerDoneAsync(db, instanceId, election, ElectionStatuses.Nominating, NominationsClosedSignal, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await SnapshotAsync(db, election, cancellationToken);
    }

    /// <summary>
    /// Closes the ballot before its deadline (staff decide that everyone who will vote has voted): the links close, the
    /// deadline becomes now, and once no election of the layer is still open the case's workflow gets
    /// <see cref="BallotsClosedSignal"/> and counts at once instead of waiting for the deadline.
    /// </summary>
    /// <exception cref="Deliberation.Engine.Runtime.WorkflowException">No such election (404); the ballot is not open or has closed (409).</exception>
    public async Task<ElectionSnapshot> CloseBallotAsync(Guid communityId, Guid electionId, CancellationToken cancellationToken)
    {
        await using var db = database.Open(tracking: true);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var instanceId = await InstanceOfAsync(db, communityId, electionId, cancellationToken);
        if (instanceId is { } locked) await db.LockInstanceAsync(locked, cancellationToken);
        var election = await RequireElectionAsync(db, communityId, electionId, cancellationToken);
        var now = time.GetUtcNow();
        if (election.Status != ElectionStatuses.Balloting || now >= election.BallotClosesAt)
            throw Refusals.Conflict("ballot-not-open", "The ballot is not open; nothing changed.");
        election.BallotClosesAt = now;
        if (election.ReminderAt > now) election.ReminderAt = null;
        var taskIds = db.ElectionBallots.Where(b => b.ElectionId == electionId).Select(b => b.TaskId);
        await db.Tasks.Where(t => taskIds.Contains(t.Id) && t.ClosedAt == null).ExecuteUpdateAsync(s => s.SetProperty(t => t.ClosedAt, now), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await QueueWhenLayerDoneAsync(db, instanceId, election, ElectionStatuses.Balloting, BallotsClosedSignal, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await SnapshotAsync(db, election, cancellationToken);
    }

    /// <summary>The signal staff closing the last nominations of a layer early send, correlated by <see cref="LayerCorrelation"/>.</summary>
    public const string NominationsClosedSignal = "nominations-closed";

    /// <summary>The signal staff closing the last ballot of a layer early send, correlated by <see cref="LayerCorrelation"/>.</summary>
    public const string BallotsClosedSignal = "ballots-closed";

    /// <summary>What a layer's early-close signals carry, so that layer 2 never takes layer 1's: <c>{group}/{layer}</c>.</summary>
    public static string LayerCorrelation(Guid groupId, int layer) => string.Create(CultureInfo.InvariantCulture, $"{groupId}/{layer}");

    /// <summary>
    /// Queues <paramref name="signal"/> for the case's workflow once no election of the layer is still in
    /// <paramref name="status"/> with its deadline ahead (a layer elects per entrance or building: the last one closed ends the wait).
    /// </summary>
    private static async Task QueueWhenLayerDoneAsync(ICivicSession db, Guid? instanceId, Election election, string status, string signal, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (instanceId is not { } target) return;
        var open = db.Elections.Where(e => e.CaseId == election.CaseId && e.GroupId == election.GroupId && e.Layer == election.Layer && e.Status == status);
        var stillOpen = status == ElectionStatuses.Nominating ? await open.AnyAsync(e => e.NominationsCloseAt > now, cancellationToken)
            : await open.AnyAsync(e => e.BallotClosesAt > now, cancellationToken);
        if (stillOpen) return;
        db.QueueSignal(target, signal, LayerCorrelation(election.GroupId, election.Layer), new JsonObject { ["electionId"] = election.Id.ToString() }, now);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Closes nominations and adds the ballots and their emails to <paramref name="db"/>, a tracking context in the
    /// caller's transaction, without saving.
    /// </summary>
    internal async Task<Election> CloseNominationsAsync(ICivicSession db, Guid communityId, Guid electionId, CancellationToken cancellationToken)
    {
        var election = await RequireElectionAsync(db, communityId, electionId, cancellationToken);
        var now = time.GetUtcNow();
        if (election.Status != ElectionStatuses.Nominating) throw Refusals.Conflict("not-nominating", "Nominations were closed already; nothing changed.");
        if (now >= election.BallotClosesAt) throw Refusals.Conflict("ballot-deadline-passed", "The ballot deadline has passed; open a new election. Nothing changed.");
        var candidates = await db.Candidates.Where(c => c.ElectionId == electionId).OrderBy(c => c.Position).ToListAsync(cancellationToken);
        if (candidates.Count == 0) throw Refusals.Conflict("no-candidates", "Nobody was nominated; nothing changed.");
        var voters = await ElectorateAsync(db, election, cancellationToken);
        if (voters.Count == 0) throw Refusals.Conflict("no-voters", "The electorate is empty (no household representatives on the roster); nothing changed.");

        var title = await BallotTitleAsync(db, election, cancellationToken);
        var candidatePeople = candidates.Select(c => c.PersonId).ToList();
        var people = await db.People.Where(p => candidatePeople.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var units = await UnitsAsync(db, people.Values, cancellationToken);
        var data = new JsonObject
        {
            ["options"] = new JsonArray(candidates.Select(c => (JsonNode)new JsonObject
            {
                // The id as the API shows it (hyphenated), so the value a client sees is the value it sends back.
                ["value"] = c.Id.ToString(),
                ["label"] = Label(people[c.PersonId], units),
            }).ToArray()),
            ["description"] = $"{CountingMethods.Describe(election.CountingMethod, election.Layer, election.Seats)}。共选出{election.Seats}名；截止前可以修改选择，以截止时的选择为准。",
        };
        if (election.Seats > 1)
        {
            // As many choices as seats (at most one vote for each candidate).
            data["multiple"] = true;
            data["maxChoices"] = election.Seats;
        }
        var dataJson = data.ToJsonString(DefinitionJson.Options);

        foreach (var voter in voters)
        {
            var task = new ParticipationTask
            {
                Id = Guid.CreateVersion7(now), CommunityId = communityId, PersonId = voter.Id, Purpose = TaskPurposes.Ballot,
                Title = title, Data = dataJson, CreatedAt = now, ClosesAt = election.BallotClosesAt, LinkVersion = 1,
            };
            db.Tasks.Add(task);
            var emailed = !string.IsNullOrEmpty(voter.Email);
            db.ElectionBallots.Add(new ElectionBallot
            {
                TaskId = task.Id, ElectionId = election.Id, PersonId = voter.Id, HouseholdId = election.Layer == 1 ? voter.HouseholdId : null, Emailed = emailed,
            });
            if (emailed) db.QueueEmail(BallotEmails.Compose(voter.Email!, voter.Name, title, election, links.CreateUrl(task, now), reminder: false, Invite(task)), now);
        }
        // The nomination links now show that nominations have closed, even when staff close them before the deadline.
        var invitations = db.NominationInvitations.Where(i => i.ElectionId == election.Id).Select(i => i.TaskId);
        foreach (var invitation in await db.Tasks.Where(t => invitations.Contains(t.Id) && t.ClosedAt == null).ToListAsync(cancellationToken)) invitation.ClosedAt = now;
        election.Status = ElectionStatuses.Balloting;
        election.BallotsOpenedAt = now;
        election.BallotsIssued = voters.Count;
        return election;
    }

    /// <summary>
    /// Reminds every voter who has not voted: an email with their link (the workflow calls this at
    /// <see cref="Election.ReminderAt"/>; staff may call it any time).
    /// </summary>
    /// <exception cref="Deliberation.Engine.Runtime.WorkflowException">No such election (404); the ballot is not open (409).</exception>
    public async Task<ReminderResult> RemindAsync(Guid communityId, Guid electionId, CancellationToken cancellationToken)
    {
        await using var db = database.Open(tracking: true);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var result = await RemindAsync(db, communityId, electionId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>Adds the reminders to <paramref name="db"/>, a tracking context in the caller's transaction, without saving.</summary>
    internal async Task<ReminderResult> RemindAsync(ICivicSession db, Guid communityId, Guid electionId, CancellationToken cancellationToken)
    {
        var election = await RequireElectionAsync(db, communityId, electionId, cancellationToken);
        var now = time.GetUtcNow();
        if (election.Status != ElectionStatuses.Balloting || now >= election.BallotClosesAt)
            throw Refusals.Conflict("ballot-not-open", "The ballot is not open; nobody was reminded.");
        var pending = await db.ElectionBallots
            .Where(b => b.ElectionId == electionId && !db.TaskAnswers.Any(a => a.TaskId == b.TaskId && a.IsCurrent))
            .ToListAsync(cancellationToken);
        var taskIds = pending.Select(b => b.TaskId).ToList();
        var tasks = await db.Tasks.Where(t => taskIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
        var personIds = pending.Select(b => b.PersonId).ToList();
        var people = await db.People.Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        int reminded = 0, withoutEmail = 0;
        foreach (var ballot in pending)
        {
            var person = people[ballot.PersonId];
            if (string.IsNullOrEmpty(person.Email))
            {
                withoutEmail++;
                continue;
            }
            var task = tasks[ballot.TaskId];
            db.QueueEmail(BallotEmails.Compose(person.Email, person.Name, task.Title, election, links.CreateUrl(task, now), reminder: true, Invite(task)), now);
            ballot.RemindedAt = now;
            ballot.ReminderCount++;
            reminded++;
        }
        return new ReminderResult(reminded, withoutEmail);
    }

    /// <summary>
    /// Closes the ballots and counts the current votes (one per ballot: per household in layer 1, per delegate
    /// in layer 2). Allowed after the deadline, or before it once every voter has voted. A tie is broken by the
    /// election's rule: lots are drawn at once with a recorded random seed; a staff decision leaves the election
    /// <c>tied</c> until <see cref="DecideTieAsync"/>. Representatives elected join the panel.
    /// </summary>
    /// <exception cref="Deliberation.Engine.Runtime.WorkflowException">No such election (404); the ballot is not open, or still open with votes missing (409).</exception>
    public async Task<ElectionSnapshot> CountAsync(Guid communityId, Guid electionId, CancellationToken cancellationToken)
    {
        await using var db = database.Open(tracking: true);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var election = await CountAsync(db, communityId, electionId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await SnapshotAsync(db, election, cancellationToken);
    }

    /// <summary>
    /// Closes the ballots and applies the count in <paramref name="db"/>, a tracking context in the caller's transaction,
    /// without saving (the ballots are closed at once, by an update in that transaction).
    /// </summary>
    internal async Task<Election> CountAsync(ICivicSession db, Guid communityId, Guid electionId, CancellationToken cancellationToken)
    {
        var election = await RequireElectionAsync(db, communityId, electionId, cancellationToken);
        var now = time.GetUtcNow();
        if (election.Status == ElectionStatuses.Tied) throw Refusals.Conflict("tie-awaits-decision", "The votes were counted; a tie for the last seat waits for the staff decision.");
        if (election.Status != ElectionStatuses.Balloting) throw Refusals.Conflict("ballot-not-open", "The ballot is not open; nothing was counted.");
        var taskIds = await db.ElectionBallots.Where(b => b.ElectionId == electionId).Select(b => b.TaskId).ToListAsync(cancellationToken);
        if (now < election.BallotClosesAt)
        {
            var voted = await db.TaskAnswers.Where(a => taskIds.Contains(a.TaskId) && a.IsCurrent).Select(a => a.TaskId).Distinct().CountAsync(cancellationToken);
            if (voted < taskIds.Count)
                throw Refusals.Conflict("ballot-open",
                    $"The ballot is open until {election.BallotClosesAt:O} and {taskIds.Count - voted} voters have not voted; count after the deadline or once everyone has voted.");
        }

        // Closing first takes the write lock, so no answer slips in between the close and the count.
        await db.Tasks.Where(t => taskIds.Contains(t.Id) && t.ClosedAt == null).ExecuteUpdateAsync(s => s.SetProperty(t => t.ClosedAt, now), cancellationToken);
        var candidates = await db.Candidates.Where(c => c.ElectionId == electionId).OrderBy(c => c.Position).ToListAsync(cancellationToken);
        var votes = await VotesAsync(db, taskIds, cancellationToken);
        var ids = candidates.Select(c => c.Id).ToList();
        var result = PluralityCount.Count(ids, votes, election.Seats);
        if (election.TieRule == TieRules.Lots && result.AnyTie)
        {
            election.LotsSeed = PluralityCount.NewSeed();
            result = PluralityCount.Count(ids, votes, election.Seats, election.LotsSeed);
        }
        election.CountedAt = now;
        election.BallotsCast = votes.Count;
        election.Status = result.TieUnresolved ? ElectionStatuses.Tied : ElectionStatuses.Counted;
        await ApplyAsync(db, election, candidates, result, now, cancellationToken);
        return election;
    }

    /// <summary>
    /// Decides a tie for the last seat (tie rule <c>staff</c>): the order of the tied candidates, best first, and why. The
    /// case's workflow gets <see cref="TieDecidedSignal"/>, correlated by the election's group, queued in the same transaction
    /// (it takes it when it waits for it; the caller then delivers it).
    /// </summary>
    /// <exception cref="Deliberation.Engine.Runtime.WorkflowException">No such election (404); no reason or an order that is not the tied candidates (400); no tie waiting (409).</exception>
    public async Task<ElectionSnapshot> DecideTieAsync(Guid communityId, Guid electionId, IReadOnlyList<Guid>? order, string? reason, Guid decidedByUserId,
        CancellationToken cancellationToken)
    {
        await using var db = database.Open(tracking: true);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var instanceId = await InstanceOfAsync(db, communityId, electionId, cancellationToken);
        // No step of the instance runs meanwhile: a count that read the election before this decision commits first.
        if (instanceId is { } locked) await db.LockInstanceAsync(locked, cancellationToken);
        var election = await RequireElectionAsync(db, communityId, electionId, cancellationToken);
        if (election.Status != ElectionStatuses.Tied) throw Refusals.Conflict("no-tie", "No tie waits for a decision in this election; nothing changed.");
        var taskIds = await db.ElectionBallots.Where(b => b.ElectionId == electionId).Select(b => b.TaskId).ToListAsync(cancellationToken);
        var candidates = await db.Candidates.Where(c => c.ElectionId == electionId).OrderBy(c => c.Position).ToListAsync(cancellationToken);
        var votes = await VotesAsync(db, taskIds, cancellationToken);
        var ids = candidates.Select(c => c.Id).ToList();
        var tied = PluralityCount.Count(ids, votes, election.Seats).TiedForLastSeat;
        var errors = new Dictionary<string, FieldError[]>(StringComparer.Ordinal);
        TextRules.Check(errors, "reason", reason, MaxReasonLength, required: true, multiline: true);
        if (order is null || order.Count != tied.Count || order.Distinct().Count() != order.Count || !order.All(tied.Contains))
            errors["order"] = [StakeholderFields.TieOrder.With(("candidates", string.Join(", ", tied)))];
        Refusals.ThrowIfAny(errors, "The tie decision is invalid; nothing changed.");

        var now = time.GetUtcNow();
        var result = PluralityCount.Count(ids, votes, election.Seats, staffOrder: order);
        election.Status = ElectionStatuses.Counted;
        election.TieDecisionReason = reason!.Trim();
        election.TieDecidedByUserId = decidedByUserId;
        election.TieDecidedAt = now;
        await ApplyAsync(db, election, candidates, result, now, cancellationToken);
        if (instanceId is { } target)
            db.QueueSignal(target, TieDecidedSignal, election.GroupId.ToString(), new JsonObject { ["electionId"] = electionId.ToString() }, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await SnapshotAsync(db, election, cancellationToken);
    }

    /// <summary>The signal a staff tie decision sends to the case's workflow instance, correlated by the election's group.</summary>
    public const string TieDecidedSignal = "tie-decided";

    /// <summary>The workflow instance running the election's case (the one its anchored complaint started), if any.</summary>
    public async Task<Guid?> InstanceOfAsync(Guid communityId, Guid electionId, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        return await InstanceOfAsync(db, communityId, electionId, cancellationToken);
    }

    private static async Task<Guid?> InstanceOfAsync(ICivicSession db, Guid communityId, Guid electionId, CancellationToken cancellationToken) =>
        await db.Elections.Where(e => e.Id == electionId && e.CommunityId == communityId)
            .Join(db.Cases, e => e.CaseId, c => c.Id, (e, c) => c.ComplaintId)
            .Join(db.Complaints, id => id, c => c.Id, (id, c) => c.InstanceId)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The current choices of the ballots: the chosen candidates (one, or up to one per seat); a choice that is not a
    /// candidate id makes the ballot blank (it becomes a choice of no candidate in the count).
    /// </summary>
    private static async Task<List<IReadOnlyCollection<Guid>>> VotesAsync(ICivicSession db, List<Guid> taskIds, CancellationToken cancellationToken)
    {
        var answers = await db.TaskAnswers.Where(a => taskIds.Contains(a.TaskId) && a.IsCurrent).ToListAsync(cancellationToken);
        // One vote per ballot even if two answers were ever current at once: the latest counts.
        return answers.GroupBy(a => a.TaskId).Select(g => g.OrderBy(a => a.AnsweredAt).ThenBy(a => a.Id).Last())
            .Select(a => (IReadOnlyCollection<Guid>)TaskForm.ChosenValues(a.Answer).Select(v => Guid.TryParse(v, out var id) ? id : Guid.Empty).ToList())
            .ToList();
    }

    /// <summary>Stores the count on the candidates and, for a counted election of representatives, seats the winners on the panel.</summary>
    private static async Task ApplyAsync(ICivicSession db, Election election, List<Candidate> candidates, CountResult result, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        foreach (var line in result.Ranking)
        {
            var candidate = candidates.Single(c => c.Id == line.CandidateId);
            candidate.Votes = line.Votes;
            candidate.Rank = line.Rank;
            candidate.Elected = line.Elected;
        }
        if (election.Status != ElectionStatuses.Counted || !election.ElectsRepresentatives) return;
        var seated = await db.PanelMembers.Where(m => m.CaseId == election.CaseId && m.LeftAt == null).Select(m => m.PersonId).ToListAsync(cancellationToken);
        foreach (var winner in result.Ranking.Where(c => c.Elected))
        {
            var personId = candidates.Single(c => c.Id == winner.CandidateId).PersonId;
            if (seated.Contains(personId)) continue;
            db.PanelMembers.Add(new PanelMember
            {
                Id = Guid.CreateVersion7(now), CaseId = election.CaseId, CommunityId = election.CommunityId, PersonId = personId,
                Role = PanelRoles.Representative, Votes = true, Source = PanelSources.Election, GroupId = election.GroupId, ElectionId = election.Id,
                JoinedAt = now,
            });
        }
    }

    /// <summary>
    /// The voters: in layer 1 one household representative per household of the building group within the
    /// group; in layer 2 the delegates, the winners of the group's layer-1 elections.
    /// </summary>
    private static async Task<List<Person>> ElectorateAsync(ICivicSession db, Election election, CancellationToken cancellationToken)
    {
        if (election.Layer == 1)
        {
            var section = db.AffectedHouseholds.Where(h => h.GroupId == election.GroupId && h.BuildingGroupId == election.BuildingGroupId);
            if (election.Entrance is { } entrance) section = section.Where(h => h.Entrance == entrance);
            var households = section.Select(h => h.HouseholdId);
            return Voters.OnePerHousehold(await db.People
                .Where(p => p.IsHouseholdRepresentative && p.HouseholdId != null && households.Contains(p.HouseholdId.Value)).ToListAsync(cancellationToken));
        }
        var firstLayer = db.Elections.Where(e => e.GroupId == election.GroupId && e.Layer == 1 && e.Status == ElectionStatuses.Counted).Select(e => e.Id);
        var delegates = db.Candidates.Where(c => firstLayer.Contains(c.ElectionId) && c.Elected).Select(c => c.PersonId);
        return await db.People.Where(p => delegates.Contains(p.Id)).OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).ToListAsync(cancellationToken);
    }

    private static async Task<string> BallotTitleAsync(ICivicSession db, Election election, CancellationToken cancellationToken)
    {
        var found = await db.Cases.SingleAsync(c => c.Id == election.CaseId, cancellationToken);
        var group = await db.AffectedGroups.SingleAsync(g => g.Id == election.GroupId, cancellationToken);
        string title;
        if (election.ElectsRepresentatives) title = $"推选{group.Name}的利益代表（{found.Title}）";
        else
        {
            var building = await db.BuildingGroups.SingleAsync(b => b.Id == election.BuildingGroupId, cancellationToken);
            title = election.Entrance is { } entrance
                ? $"推选{building.Label}{(entrance.Length == 0 ? "未登记单元住户" : entrance)}的单元代表（{found.Title}）"
                : $"推选{building.Label}的楼栋代表（{found.Title}）";
        }
        return title.Length <= TaskStore.MaxTitleLength ? title : title[..TaskStore.MaxTitleLength];
    }

    private static string Label(Person person, Dictionary<Guid, (string Building, string Unit)> units) =>
        person.HouseholdId is { } h && units.TryGetValue(h, out var unit) ? $"{person.Name}（{unit.Building} {unit.Unit}）" : person.Name;

    /// <summary>The building group and unit of each household the people belong to, by household id.</summary>
    private static async Task<Dictionary<Guid, (string Building, string Unit)>> UnitsAsync(ICivicSession db, IEnumerable<Person> people,
        CancellationToken cancellationToken)
    {
        var householdIds = people.Select(p => p.HouseholdId).OfType<Guid>().Distinct().ToList();
        return (await db.Households.Where(h => householdIds.Contains(h.Id))
                .Join(db.BuildingGroups, h => h.BuildingGroupId, b => b.Id, (h, b) => new { h.Id, b.Compound, Building = b.Name, h.Entrance, h.Unit })
                .ToListAsync(cancellationToken))
            .ToDictionary(x => x.Id, x => (BuildingGroup.Labelled(x.Compound, x.Building), x.Entrance + x.Unit));
    }

    private Election Open(Election template, AffectedGroup group, int layer, Guid? buildingGroupId, bool electsRepresentatives)
    {
        var now = time.GetUtcNow();
        return new Election
        {
            Id = Guid.CreateVersion7(now), CommunityId = group.CommunityId, CaseId = group.CaseId, GroupId = group.Id, Layer = layer,
            BuildingGroupId = buildingGroupId, ElectsRepresentatives = electsRepresentatives, Seats = template.Seats, CountingMethod = template.CountingMethod,
            TieRule = template.TieRule, NominationsOpenAt = now, NominationsCloseAt = template.NominationsCloseAt, BallotClosesAt = template.BallotClosesAt,
            ReminderBefore = template.ReminderBefore, ReminderAt = template.ReminderAt, Status = ElectionStatuses.Nominating, CreatedAt = now,
        };
    }

    private Election Validate(ElectionSettings settings)
    {
        var now = time.GetUtcNow();
        var errors = new Dictionary<string, FieldError[]>(StringComparer.Ordinal);
        var seats = settings.Seats ?? 1;
        if (seats is < Election.MinSeats or > Election.MaxSeats) errors["seats"] = [StakeholderFields.Seats.With(("min", Election.MinSeats), ("max", Election.MaxSeats))];
        if (settings.NominationsCloseAt is not { } nominations || nominations <= now) errors["nominationsCloseAt"] = [StakeholderFields.NominationsCloseAt.Error()];
        if (settings.BallotClosesAt is not { } ballot || ballot <= (settings.NominationsCloseAt ?? now))
            errors["ballotClosesAt"] = [StakeholderFields.BallotClosesAt.Error()];
        var reminder = settings.ReminderBefore ?? DefaultReminderBefore;
        if (reminder < TimeSpan.Zero || reminder > TimeSpan.FromDays(30)) errors["reminderBefore"] = [StakeholderFields.ReminderBefore.Error()];
        var tieRule = settings.TieRule ?? TieRules.Lots;
        if (!TieRules.All.Contains(tieRule)) errors["tieRule"] = [CommonFields.OneOf.With(("values", string.Join(", ", TieRules.All)))];
        var method = settings.CountingMethod ?? CountingMethods.Plurality;
        if (!CountingMethods.All.Contains(method)) errors["countingMethod"] = [CommonFields.OneOf.With(("values", string.Join(", ", CountingMethods.All)))];
        Refusals.ThrowIfAny(errors, "The election settings are missing something or invalid; nothing was opened.");
        return new Election
        {
            Seats = seats, NominationsCloseAt = settings.NominationsCloseAt!.Value, BallotClosesAt = settings.BallotClosesAt!.Value, ReminderBefore = reminder,
            ReminderAt = ElectionReminders.Plan(settings.NominationsCloseAt.Value, settings.BallotClosesAt.Value, reminder, settings.QuietHours),
            TieRule = tieRule, CountingMethod = method,
        };
    }

    private static async Task<ElectionSnapshot> SnapshotAsync(ICivicSession db, Election election, CancellationToken cancellationToken)
    {
        var candidates = await db.Candidates.AsNoTracking().Where(c => c.ElectionId == election.Id).OrderBy(c => c.Position).ToListAsync(cancellationToken);
        var ballots = await db.ElectionBallots.AsNoTracking().Where(b => b.ElectionId == election.Id).ToListAsync(cancellationToken);
        var invitations = await db.NominationInvitations.AsNoTracking().Where(i => i.ElectionId == election.Id).ToListAsync(cancellationToken);
        var taskIds = ballots.Select(b => b.TaskId).Concat(invitations.Select(i => i.TaskId)).ToList();
        var channels = (await db.TaskAnswers.AsNoTracking().Where(a => taskIds.Contains(a.TaskId) && a.IsCurrent)
            .Select(a => new { a.TaskId, a.Channel }).ToListAsync(cancellationToken)).GroupBy(a => a.TaskId).ToDictionary(g => g.Key, g => g.First().Channel);
        var personIds = candidates.Select(c => c.PersonId).Concat(ballots.Select(b => b.PersonId)).Concat(invitations.Select(i => i.PersonId)).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        string Name(Guid personId) => names.GetValueOrDefault(personId, "");
        return new ElectionSnapshot(election,
            candidates.Select(c => new CandidateEntry(c, Name(c.PersonId))).ToList(),
            ballots.OrderBy(b => Name(b.PersonId), StringComparer.Ordinal).ThenBy(b => b.TaskId)
                .Select(b => new BallotEntry(b, Name(b.PersonId), channels.GetValueOrDefault(b.TaskId))).ToList(),
            invitations.OrderBy(i => Name(i.PersonId), StringComparer.Ordinal).ThenBy(i => i.TaskId)
                .Select(i => new NominationInvitationEntry(i, Name(i.PersonId), channels.GetValueOrDefault(i.TaskId))).ToList());
    }

    private static async Task<AffectedGroup> RequireGroupAsync(ICivicSession db, Guid communityId, Guid groupId, CancellationToken cancellationToken) =>
        await db.AffectedGroups.FirstOrDefaultAsync(g => g.Id == groupId && g.CommunityId == communityId, cancellationToken)
        ?? throw Refusals.NotFound("group-not-found", $"There is no affected group {groupId}.");

    private static async Task<Election> RequireElectionAsync(ICivicSession db, Guid communityId, Guid electionId, CancellationToken cancellationToken) =>
        await db.Elections.FirstOrDefaultAsync(e => e.Id == electionId && e.CommunityId == communityId, cancellationToken)
        ?? throw Refusals.NotFound("election-not-found", $"There is no election {electionId}.");

    /// <summary>What a ballot's email adds to be answerable by reply (the candidates' numbers); null when replies are not read.</summary>
    private ReplyInvite? Invite(ParticipationTask task) => replies.Invite(task, TaskForm.Parse(task.Data));
}
