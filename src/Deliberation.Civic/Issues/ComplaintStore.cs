using System.Globalization;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Deliberation.Civic.Communities;
using Deliberation.Civic.Data;
using Deliberation.Civic.Decisions;
using Deliberation.Civic.Elections;
using Deliberation.Engine.Activities;
using Deliberation.Engine.Definitions;
using Deliberation.Engine.Messaging;
using Deliberation.Engine.Runtime;
using Deliberation.Engine.Storage;

namespace Deliberation.Civic.Issues;

/// <summary>
/// Complaints (step 1, 锚定问题): logging, photos, merging duplicates and undoing it, ranking, and
/// anchoring one as the issue of a deliberation. Refusals are <see cref="WorkflowException"/>s with
/// stable codes (<c>complaint-not-found</c>, <c>complaint-not-open</c>, <c>complaint-not-merged</c>,
/// <c>photo-not-found</c>), answered as ProblemDetails like every other refusal.
/// </summary>
/// <param name="database">The database.</param>
/// <param name="runtime">Starts the deliberation workflow when a complaint is anchored.</param>
/// <param name="definitions">Tells which inputs that workflow declares.</param>
/// <param name="catalogues">Each community's deliberation matters catalogue.</param>
/// <param name="ranking">The ranking weights.</param>
/// <param name="time">The clock.</param>
/// <param name="photos">Where photos are stored: <c>{community}/{complaint}/{photo}.{ext}</c>.</param>
public sealed class ComplaintStore(ICivicDatabase database, WorkflowRuntime runtime, DefinitionService definitions, CatalogueStore catalogues,
    RankingOptions ranking, TimeProvider time, IFileStore photos)
{
    private const int AnchorAttempts = 3;

    /// <summary>Checks and logs a complaint; with problems nothing is written and the plan lists them.</summary>
    /// <exception cref="WorkflowException">No such community (404).</exception>
    public Task<ComplaintPlan> LogAsync(Guid communityId, ComplaintDraft draft, Guid userId, CancellationToken cancellationToken) =>
        LogAsync(communityId, draft, userId, null, cancellationToken);

    /// <summary>
    /// Checks and logs a complaint for a building head: when <paramref name="headOf"/> is given (the building groups the
    /// account heads, <see cref="BuildingsHeadedAsync"/>), every building and household it names must be in one of them.
    /// With problems nothing is written and the plan lists them.
    /// </summary>
    /// <exception cref="WorkflowException">No such community (404).</exception>
    public async Task<ComplaintPlan> LogAsync(Guid communityId, ComplaintDraft draft, Guid userId, IReadOnlyCollection<Guid>? headOf,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = database.Open();
        await RequireCommunityAsync(db, communityId, cancellationToken);
        var layout = new CommunityLayout(
            (await db.BuildingGroups.Where(b => b.CommunityId == communityId).Select(b => b.Id).ToListAsync(cancellationToken)).ToHashSet(),
            await db.Households.Where(h => h.CommunityId == communityId).ToDictionaryAsync(h => h.Id, h => h.BuildingGroupId, cancellationToken),
            (await db.People.Where(p => p.CommunityId == communityId).Select(p => p.Id).ToListAsync(cancellationToken)).ToHashSet());
        var complaint = new Complaint { Id = Guid.CreateVersion7(now), CommunityId = communityId, LoggedByUserId = userId, LoggedAt = now };
        var plan = ComplaintValidator.Validate(draft, (await catalogues.ReadAsync(db, communityId, cancellationToken)).Catalogue, layout, complaint);
        if (!plan.IsValid) return plan;
        if (headOf is not null && plan.Scopes.Any(s => !headOf.Contains(s.BuildingGroupId)))
        {
            var names = await db.BuildingGroups.Where(b => headOf.Contains(b.Id)).Select(b => b.Compound + b.Name).ToListAsync(cancellationToken);
            var field = plan.Scopes.Any(s => s.HouseholdId == null && !headOf.Contains(s.BuildingGroupId)) ? "buildingGroupIds" : "householdIds";
            return plan with
            {
                Problems = [new ComplaintProblem(field,
                    names.Count == 0
                        ? "您的楼长账号没有关联花名册中负责的楼栋，不能登记问题；请联系社区工作人员。"
                        : $"楼长只能为自己负责的楼栋登记问题（{string.Join("、", names.Order(StringComparer.Ordinal))}）；其他楼栋的问题请由该楼栋楼长或社区工作人员登记。",
                    names.Count == 0
                        ? "Your building-head account is not linked to a building of the roster; ask the committee staff."
                        : $"A building head logs complaints for their own buildings only ({string.Join(", ", names.Order(StringComparer.Ordinal))}).")],
            };
        }

        db.Complaints.Add(complaint);
        db.ComplaintScopes.AddRange(plan.Scopes);
        db.ComplaintReporters.AddRange(plan.Reporters);
        db.ComplaintEvents.Add(Event(complaint.Id, ComplaintEventKinds.Logged, null, userId, now));
        await db.SaveChangesAsync(cancellationToken);
        return plan;
    }

    /// <summary>
    /// The building groups a building head's account heads: those of the roster's building heads (楼长) who are the
    /// account's person, or who have the account's email.
    /// </summary>
    public async Task<IReadOnlyCollection<Guid>> BuildingsHeadedAsync(Guid communityId, Guid? personId, string? email, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        var address = email?.Trim().ToUpperInvariant();
        var heads = await db.People
            .Where(p => p.CommunityId == communityId && p.BuildingGroupId != null && (p.Roles & PersonRoles.BuildingHead) == PersonRoles.BuildingHead)
            .Select(p => new { p.Id, p.Email, p.BuildingGroupId }).ToListAsync(cancellationToken);
        return heads.Where(h => h.Id == personId || (address is { Length: > 0 } && h.Email?.Trim().ToUpperInvariant() == address))
            .Select(h => h.BuildingGroupId!.Value).ToHashSet();
    }

    /// <summary>The community's complaints, newest first; only those of <paramref name="status"/> when given.</summary>
    /// <exception cref="WorkflowException">No such community (404).</exception>
    public async Task<IReadOnlyList<Complaint>> ListAsync(Guid communityId, string? status, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        await RequireCommunityAsync(db, communityId, cancellationToken);
        var query = db.Complaints.Where(c => c.CommunityId == communityId);
        if (status is not null) query = query.Where(c => c.Status == status);
        return (await query.ToListAsync(cancellationToken)).OrderByDescending(c => c.LoggedAt).ThenByDescending(c => c.Id).ToList();
    }

    /// <summary>A complaint with its scopes, reporters, photos and history.</summary>
    /// <exception cref="WorkflowException">No such complaint in the community (404).</exception>
    public async Task<ComplaintDetails> GetAsync(Guid communityId, Guid complaintId, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        var complaint = await FindAsync(db, communityId, complaintId, cancellationToken);
        var scopes = await (
            from s in db.ComplaintScopes.Where(s => s.ComplaintId == complaintId)
            join b in db.BuildingGroups on s.BuildingGroupId equals b.Id
            join h in db.Households on s.HouseholdId equals h.Id into hs
            from h in hs.DefaultIfEmpty()
            select new ComplaintDetails.Scope(s.BuildingGroupId, b.Compound + b.Name, s.HouseholdId, h == null ? null : h.Entrance + h.Unit, s.FromComplaintId))
            .ToListAsync(cancellationToken);
        var reporters = await (
            from r in db.ComplaintReporters.Where(r => r.ComplaintId == complaintId)
            join p in db.People on r.PersonId equals p.Id
            select new ComplaintDetails.Reporter(r.PersonId, p.Name, r.FromComplaintId))
            .ToListAsync(cancellationToken);
        var photos = await db.ComplaintPhotos.Where(p => p.ComplaintId == complaintId).ToListAsync(cancellationToken);
        var history = await db.ComplaintEvents.Where(e => e.ComplaintId == complaintId).ToListAsync(cancellationToken);
        var merged = await db.Complaints.Where(c => c.MergedIntoId == complaintId).Select(c => c.Id).ToListAsync(cancellationToken);
        return new ComplaintDetails(complaint,
            scopes.OrderBy(s => s.FromComplaintId.HasValue).ThenBy(s => s.BuildingGroupName, StringComparer.Ordinal).ThenBy(s => s.Unit, StringComparer.Ordinal).ToList(),
            reporters.OrderBy(r => r.FromComplaintId.HasValue).ThenBy(r => r.Name, StringComparer.Ordinal).ToList(),
            photos.OrderBy(p => p.AddedAt).ThenBy(p => p.Id).ToList(),
            history.OrderBy(e => e.At).ThenBy(e => e.Id).ToList(),
            merged);
    }

    /// <summary>
    /// Stores a photo (re-encoded by <see cref="PhotoSanitizer"/>) under the photo folder and attaches it; null when
    /// the complaint has <see cref="ComplaintPhotos.MaxPerComplaint"/> photos already.
    /// </summary>
    /// <exception cref="WorkflowException">No such complaint in the community (404).</exception>
    public async Task<ComplaintPhoto?> AddPhotoAsync(Guid communityId, Guid complaintId, SanitizedPhoto sanitized, Guid userId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sanitized);
        var (content, format) = (sanitized.Content, sanitized.Format);
        var now = time.GetUtcNow();
        var photo = new ComplaintPhoto
        {
            Id = Guid.CreateVersion7(now), ComplaintId = complaintId, ContentType = format.ContentType, Length = content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)), AddedAt = now,
        };
        await using var db = database.Open();
        await FindAsync(db, communityId, complaintId, cancellationToken);
        if (await db.ComplaintPhotos.CountAsync(p => p.ComplaintId == complaintId, cancellationToken) >= ComplaintPhotos.MaxPerComplaint) return null;

        // The file first: a row never points at a missing file; a file without a row is removed below.
        var path = PhotoPath(communityId, complaintId, photo.Id, format.Extension);
        await photos.WriteAsync([new StoredFile(path, content)], cancellationToken);
        try
        {
            await using var transaction = await db.BeginTransactionAsync(cancellationToken);
            // Locks the complaint (on PostgreSQL) so that two uploads at once cannot both be the sixth.
            await db.Complaints.Where(c => c.Id == complaintId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Title, c => c.Title), cancellationToken);
            if (await db.ComplaintPhotos.CountAsync(p => p.ComplaintId == complaintId, cancellationToken) >= ComplaintPhotos.MaxPerComplaint)
            {
                photos.Delete(path);
                return null;
            }
            db.ComplaintPhotos.Add(photo);
            db.ComplaintEvents.Add(Event(complaintId, ComplaintEventKinds.PhotoAdded, null, userId, now));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return photo;
        }
        catch
        {
            photos.Delete(path);
            throw;
        }
    }

    /// <summary>A photo of the complaint and its bytes.</summary>
    /// <exception cref="WorkflowException">No such complaint or photo (404).</exception>
    public async Task<(ComplaintPhoto Photo, byte[] Content)> OpenPhotoAsync(Guid communityId, Guid complaintId, Guid photoId, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        await FindAsync(db, communityId, complaintId, cancellationToken);
        var photo = await db.ComplaintPhotos.FirstOrDefaultAsync(p => p.Id == photoId && p.ComplaintId == complaintId, cancellationToken);
        var format = photo is null ? null : ComplaintPhotos.ForContentType(photo.ContentType);
        var path = photo is null || format is null ? null : PhotoPath(communityId, complaintId, photo.Id, format.Extension);
        var content = path is null ? null : await photos.ReadAsync(path, cancellationToken);
        return content is not null
            ? (photo!, content)
            : throw new WorkflowException(WorkflowErrorKind.NotFound, "photo-not-found", $"Complaint {complaintId} has no photo {photoId}.");
    }

    /// <summary>
    /// Merges duplicates into <paramref name="targetId"/>: each source becomes <c>merged</c>; its scopes and
    /// reporters are copied to the target marked with where they came from, and its reporter count is added
    /// to the target's (the source keeps its own, so that <see cref="UnmergeAsync"/> can undo it exactly).
    /// </summary>
    /// <exception cref="WorkflowException">No such complaint (404); the target or a source is not open (409).</exception>
    /// <exception cref="ArgumentException">No sources, or the target among them (the API checks this first).</exception>
    public async Task<ComplaintDetails> MergeAsync(Guid communityId, Guid targetId, IReadOnlyList<Guid> sourceIds, Guid userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sourceIds);
        sourceIds = sourceIds.Distinct().ToList();
        if (sourceIds.Count == 0 || sourceIds.Contains(targetId))
            throw new ArgumentException("Give at least one complaint to merge, other than the target.", nameof(sourceIds));
        var now = time.GetUtcNow();
        await using (var db = database.Open())
        {
            await using var transaction = await db.BeginTransactionAsync(cancellationToken);
            var target = await FindAsync(db, communityId, targetId, cancellationToken);
            RequireOpen(target);
            var sources = await db.Complaints.Where(c => c.CommunityId == communityId && sourceIds.Contains(c.Id)).ToListAsync(cancellationToken);
            if (sourceIds.Where(id => sources.All(s => s.Id != id)).Take(1).ToList() is [var missing]) throw NotFound(missing);
            foreach (var source in sources) RequireOpen(source);

            // Both updates re-check the status, so a concurrent merge or anchoring makes this one change nothing. The kept
            // complaint takes the strongest figures of all (a duplicate may say it more urgently) and every reporter.
            var added = sources.Sum(s => s.ReporterCount);
            var severity = Math.Max(target.Severity, sources.Max(s => s.Severity));
            var urgency = Math.Max(target.Urgency, sources.Max(s => s.Urgency));
            if (await db.Complaints.Where(c => c.Id == targetId && c.Status == ComplaintStatus.Open)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.ReporterCount, c => c.ReporterCount + added)
                        .SetProperty(c => c.Severity, severity).SetProperty(c => c.Urgency, urgency), cancellationToken) != 1
                || await db.Complaints.Where(c => sourceIds.Contains(c.Id) && c.Status == ComplaintStatus.Open)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, ComplaintStatus.Merged).SetProperty(c => c.MergedIntoId, targetId), cancellationToken) != sources.Count)
                throw Changed();

            var scopes = await db.ComplaintScopes.Where(s => sourceIds.Contains(s.ComplaintId)).ToListAsync(cancellationToken);
            var reporters = await db.ComplaintReporters.Where(r => sourceIds.Contains(r.ComplaintId)).ToListAsync(cancellationToken);
            db.ComplaintScopes.AddRange(scopes.Select(s => new ComplaintScope
                { ComplaintId = targetId, BuildingGroupId = s.BuildingGroupId, HouseholdId = s.HouseholdId, FromComplaintId = s.ComplaintId }));
            db.ComplaintReporters.AddRange(reporters.Select(r => new ComplaintReporter { ComplaintId = targetId, PersonId = r.PersonId, FromComplaintId = r.ComplaintId }));
            foreach (var source in sources)
            {
                // The kept complaint's figures before the merge, so an undo can give them back.
                db.ComplaintEvents.Add(Event(targetId, ComplaintEventKinds.Absorbed, source.Id, userId, now, OwnFigures(target.Severity, target.Urgency)));
                db.ComplaintEvents.Add(Event(source.Id, ComplaintEventKinds.MergedInto, targetId, userId, now));
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return await GetAsync(communityId, targetId, cancellationToken);
    }

    /// <summary>
    /// Undoes the merge of <paramref name="sourceId"/>: it is open again, and the scopes, reporters and
    /// count it brought are taken off the complaint it was merged into.
    /// </summary>
    /// <exception cref="WorkflowException">
    /// No such complaint (404); it is not merged, or the complaint it was merged into is no longer open (409).
    /// </exception>
    public async Task<ComplaintDetails> UnmergeAsync(Guid communityId, Guid sourceId, Guid userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using (var db = database.Open())
        {
            await using var transaction = await db.BeginTransactionAsync(cancellationToken);
            var source = await FindAsync(db, communityId, sourceId, cancellationToken);
            if (source.Status != ComplaintStatus.Merged || source.MergedIntoId is not { } targetId)
                throw new WorkflowException(WorkflowErrorKind.Conflict, "complaint-not-merged", $"Complaint {sourceId} is {source.Status}, not merged; nothing changed.");
            // Once the target is anchored (its notice is out) or merged on (its rows were copied onwards), taking rows off it would leave a wrong record.
            RequireOpen(await FindAsync(db, communityId, targetId, cancellationToken));

            if (await db.Complaints.Where(c => c.Id == targetId && c.Status == ComplaintStatus.Open)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.ReporterCount, c => c.ReporterCount - source.ReporterCount), cancellationToken) != 1
                || await db.Complaints.Where(c => c.Id == sourceId && c.Status == ComplaintStatus.Merged && c.MergedIntoId == targetId)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, ComplaintStatus.Open).SetProperty(c => c.MergedIntoId, (Guid?)null), cancellationToken) != 1)
                throw Changed();
            await db.ComplaintScopes.Where(s => s.ComplaintId == targetId && s.FromComplaintId == sourceId).ExecuteDeleteAsync(cancellationToken);
            await db.ComplaintReporters.Where(r => r.ComplaintId == targetId && r.FromComplaintId == sourceId).ExecuteDeleteAsync(cancellationToken);
            // Its figures again: its own before any merge, raised by the duplicates still merged into it.
            var absorbed = (await db.ComplaintEvents.Where(e => e.ComplaintId == targetId && e.Kind == ComplaintEventKinds.Absorbed).ToListAsync(cancellationToken))
                .OrderBy(e => e.At).ToList();
            if (absorbed.Select(e => ParseFigures(e.Note)).FirstOrDefault(f => f is not null) is { } own)
            {
                var remaining = await db.Complaints.Where(c => c.MergedIntoId == targetId && c.Status == ComplaintStatus.Merged && c.Id != sourceId)
                    .Select(c => new { c.Severity, c.Urgency }).ToListAsync(cancellationToken);
                var severity = remaining.Select(r => r.Severity).Append(own.Severity).Max();
                var urgency = remaining.Select(r => r.Urgency).Append(own.Urgency).Max();
                await db.Complaints.Where(c => c.Id == targetId)
                    .ExecuteUpdateAsync(u => u.SetProperty(c => c.Severity, severity).SetProperty(c => c.Urgency, urgency), cancellationToken);
            }
            db.ComplaintEvents.Add(Event(sourceId, ComplaintEventKinds.Unmerged, targetId, userId, now));
            db.ComplaintEvents.Add(Event(targetId, ComplaintEventKinds.Unmerged, sourceId, userId, now));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return await GetAsync(communityId, sourceId, cancellationToken);
    }

    /// <summary>The community's open complaints ranked by <see cref="ComplaintRanking"/>.</summary>
    /// <exception cref="WorkflowException">No such community (404).</exception>
    public async Task<IReadOnlyList<RankedComplaint>> RankAsync(Guid communityId, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        await RequireCommunityAsync(db, communityId, cancellationToken);
        return await RankAsync(db, communityId, cancellationToken);
    }

    /// <summary>
    /// Anchors a complaint as the issue of a deliberation (锚定问题): gives it a case number, starts the
    /// workflow (correlation id = case number, community = scope) and queues the public notice (公示) to the
    /// building heads of the affected building groups. The instance, the complaint's new state, its history
    /// and the notices commit in one transaction: when the workflow cannot start, nothing changes; a repeated
    /// request finds the complaint anchored and starts nothing.
    /// </summary>
    /// <param name="communityId">The community.</param>
    /// <param name="complaintId">The complaint, which must be open.</param>
    /// <param name="definitionId">The published workflow to start, e.g. <c>fanshi-youjiqing</c>.</param>
    /// <param name="input">Workflow inputs; <c>caseNumber</c>, <c>complaintId</c>, <c>title</c>, <c>categoryCode</c> and
    /// <c>communityId</c> are set from the complaint when the workflow declares them.</param>
    /// <param name="userId">The staff account.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <exception cref="WorkflowException">
    /// No such complaint (404) or published workflow (404, <c>definition-not-published</c>); the complaint is not
    /// open (409); the workflow's inputs are invalid (400, <c>invalid-input</c>).
    /// </exception>
    public Task<AnchoredIssue> AnchorAsync(Guid communityId, Guid complaintId, string definitionId, JsonObject? input, Guid userId,
        CancellationToken cancellationToken) =>
        AnchorAsync(communityId, complaintId, definitionId, input, null, userId, cancellationToken);

    /// <summary>
    /// What intake proposes for launching a deliberation from the complaint (<see cref="LaunchProposal"/>): the workflow its kind's
    /// catalogue entry names, and the advisors it requires with who on the roster can sit as each.
    /// </summary>
    /// <exception cref="WorkflowException">No such complaint in the community (404).</exception>
    public async Task<LaunchProposal> ProposeLaunchAsync(Guid communityId, Guid complaintId, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        return await ProposeAsync(db, communityId, await FindAsync(db, communityId, complaintId, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Anchors a complaint (see <see cref="AnchorAsync(Guid, Guid, string, JsonObject?, Guid, CancellationToken)"/>) and launches
    /// what its kind of matter calls for: the workflow the community's catalogue names when <paramref name="definitionId"/> is
    /// null, and — when the kind requires advisors or names rules of procedure — the case opened in the same transaction with
    /// those rules and the advisors on its panel: for each kind required, the person staff chose in <paramref name="advisors"/>
    /// (null: nobody for now), else the first on the roster with that role. A kind nobody was seated for is named in
    /// <see cref="AnchoredIssue.MissingAdvisors"/>, for staff to add.
    /// </summary>
    /// <exception cref="WorkflowException">
    /// As the other overload; also an advisor choice of an unknown kind or of a person without that role (400, fields
    /// <c>advisors[i].kind</c>, <c>advisors[i].personId</c>).
    /// </exception>
    public async Task<AnchoredIssue> AnchorAsync(Guid communityId, Guid complaintId, string? definitionId, JsonObject? input,
        IReadOnlyList<AdvisorChoice>? advisors, Guid userId, CancellationToken cancellationToken)
    {
        definitionId ??= (await ProposeLaunchAsync(communityId, complaintId, cancellationToken)).DefinitionId;
        var declared = (await definitions.GetRunnableAsync(definitionId, null, cancellationToken)).Definition.Inputs.ToDictionary(i => i.Name, StringComparer.Ordinal);
        for (var attempt = 1; ; attempt++)
        {
            var plan = await PlanAnchorAsync(communityId, complaintId, declared, input, advisors, cancellationToken);
            try
            {
                var report = await runtime.StartAsync(new StartRequest(definitionId, null, plan.Input, plan.CaseNumber, null, communityId),
                    (instanceId, step, ct) => WriteAnchorAsync(step, plan, instanceId, userId, ct), cancellationToken);
                var complaint = plan.Complaint;
                (complaint.Status, complaint.CaseNumber, complaint.AnchoredAt, complaint.InstanceId) = (ComplaintStatus.Anchored, plan.CaseNumber, plan.At, report.InstanceId);
                return new AnchoredIssue(complaint, report, plan.Ranking, plan.Notices.Count, plan.BuildingsWithoutNotice)
                {
                    CaseId = plan.CaseId, Advisors = plan.Advisors, MissingAdvisors = plan.MissingAdvisors,
                };
            }
            catch (Exception ex) when (attempt < AnchorAttempts && (ex is WorkflowException { Code: "case-number-taken" } or DataWriteException or DbException))
            {
                // Another complaint of the community was anchored meanwhile and took the number: count again.
            }
        }
    }

    /// <summary>Everything anchoring writes, worked out before the workflow starts.</summary>
    private sealed record AnchorPlan(Complaint Complaint, string CaseNumber, DateTimeOffset At, RankedComplaint Ranking, JsonObject Input,
        IReadOnlyList<EmailMessage> Notices, IReadOnlyList<string> BuildingsWithoutNotice)
    {
        /// <summary>The case to open at launch (advisors to seat or rules to start with); null when the workflow opens it later.</summary>
        public Guid? CaseId { get; init; }

        /// <summary>What the public notice tells, also posted for the wall.</summary>
        public required PublicNoticeFacts Facts { get; init; }

        /// <summary>The rules-of-procedure template the case starts with.</summary>
        public string? RulesTemplate { get; init; }

        public IReadOnlyList<SeatedAdvisor> Advisors { get; init; } = [];

        public IReadOnlyList<string> MissingAdvisors { get; init; } = [];
    }

    private async Task<LaunchProposal> ProposeAsync(ICivicSession db, Guid communityId, Complaint complaint, CancellationToken cancellationToken)
    {
        var matter = (await catalogues.ReadAsync(db, communityId, cancellationToken)).Catalogue.Find(complaint.CategoryCode);
        var advisors = new List<AdvisorProposal>();
        foreach (var kind in matter?.Advisors ?? []) advisors.Add(new AdvisorProposal(kind, await CandidatesAsync(db, communityId, kind, cancellationToken)));
        return new LaunchProposal(complaint.Id, complaint.CategoryCode, matter, matter?.DefinitionId ?? LaunchProposal.DefaultDefinitionId,
            matter?.DefinitionId is not null, advisors);
    }

    /// <summary>The community's people with the roster role of an advisor kind, by name.</summary>
    private static async Task<List<AdvisorCandidate>> CandidatesAsync(ICivicSession db, Guid communityId, string kind, CancellationToken cancellationToken)
    {
        if (AdvisorRoles.Of(kind) is not { } role) return [];
        var people = await db.People.Where(p => p.CommunityId == communityId && (p.Roles & role) == role).Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken);
        return people.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Id).Select(p => new AdvisorCandidate(p.Id, p.Name)).ToList();
    }

    /// <summary>
    /// Who sits as each advisor: for every kind the matter requires, staff's choice (a person with that role, or explicitly
    /// nobody), else the proposed one; plus any other advisor staff chose. A person sits once, as the first kind chosen.
    /// </summary>
    private static async Task<(List<SeatedAdvisor> Seated, List<string> Missing)> ChooseAdvisorsAsync(ICivicSession db, Guid communityId,
        LaunchProposal proposal, IReadOnlyList<AdvisorChoice>? choices, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, FieldError[]>(StringComparer.Ordinal);
        var chosen = new Dictionary<string, AdvisorCandidate?>(StringComparer.Ordinal);
        for (var i = 0; i < (choices?.Count ?? 0); i++)
        {
            var choice = choices![i];
            var kind = choice?.Kind?.Trim() ?? "";
            if (!PartyKinds.Advisors.Contains(kind))
            {
                errors[$"advisors[{i}].kind"] = [CatalogueFields.AdvisorKind.With(("kinds", string.Join(", ", PartyKinds.Advisors)))];
                continue;
            }
            if (choice!.PersonId is not { } personId)
            {
                chosen[kind] = null;
                continue;
            }
            var candidate = (proposal.Advisors.FirstOrDefault(a => a.Kind == kind)?.Candidates ?? await CandidatesAsync(db, communityId, kind, cancellationToken))
                .FirstOrDefault(c => c.PersonId == personId);
            if (candidate is null)
                errors[$"advisors[{i}].personId"] = await db.People.AnyAsync(p => p.Id == personId && p.CommunityId == communityId, cancellationToken)
                    ? [CatalogueFields.AdvisorNotQualified.With(("kind", PartyKinds.ChineseName(kind)))]
                    : [CommonFields.PersonUnknown.Error()];
            else chosen[kind] = candidate;
        }
        if (errors.Count > 0)
            throw new WorkflowException(WorkflowErrorKind.Invalid, "bad-request", "An advisor choice is invalid; nothing was launched.") { FieldErrors = errors };

        var seated = new List<SeatedAdvisor>();
        var missing = new List<string>();
        foreach (var kind in proposal.Advisors.Select(a => a.Kind).Concat(chosen.Keys).Distinct(StringComparer.Ordinal))
        {
            var person = chosen.TryGetValue(kind, out var choice) ? choice : proposal.Advisors.First(a => a.Kind == kind).Proposed;
            if (person is null) missing.Add(kind);
            else if (seated.All(s => s.PersonId != person.PersonId)) seated.Add(new SeatedAdvisor(kind, person.PersonId, person.Name));
        }
        return (seated, missing);
    }

    private async Task<AnchorPlan> PlanAnchorAsync(Guid communityId, Guid complaintId, Dictionary<string, WorkflowInputDefinition> declaredInputs, JsonObject? input,
        IReadOnlyList<AdvisorChoice>? advisors, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = database.Open();
        var community = await db.Communities.FirstOrDefaultAsync(c => c.Id == communityId, cancellationToken) ?? throw CommunityNotFound(communityId);
        var complaint = await FindAsync(db, communityId, complaintId, cancellationToken);
        RequireOpen(complaint);
        var ranking = await RankAsync(db, communityId, cancellationToken);
        var caseNumber = await NextCaseNumberAsync(db, community, now, cancellationToken);
        var groupIds = await db.ComplaintScopes.Where(s => s.ComplaintId == complaintId).Select(s => s.BuildingGroupId).Distinct().ToListAsync(cancellationToken);
        var buildings = await db.BuildingGroups.Where(b => groupIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Label, cancellationToken);
        var heads = await db.People.Where(p => p.CommunityId == communityId && p.BuildingGroupId != null && groupIds.Contains(p.BuildingGroupId.Value)
            && (p.Roles & PersonRoles.BuildingHead) == PersonRoles.BuildingHead && p.Email != null && p.Email != "").ToListAsync(cancellationToken);

        // The reads above are separate statements: a request that anchored or merged the complaint in between
        // leaves it out of the ranking, and this request changes nothing.
        var ranked = ranking.SingleOrDefault(r => r.Complaint.Id == complaintId) ?? throw Changed();
        var proposal = await ProposeAsync(db, communityId, complaint, cancellationToken);
        var (seated, missing) = await ChooseAdvisorsAsync(db, communityId, proposal, advisors, cancellationToken);
        var matter = proposal.Matter
            ?? new DeliberationMatter { Code = complaint.CategoryCode, Zh = complaint.CategoryCode, En = complaint.CategoryCode }; // since removed from the catalogue
        var facts = new PublicNoticeFacts(community.Name, caseNumber, matter, complaint.Title, complaint.Description, [.. buildings.Values], ranked, ranking.Count, now)
        {
            NoticeEndsAt = NoticePeriod(declaredInputs, input) is { } period ? now + period : null,
        };
        // One message per head, so that addresses are not shown to each other; a head of two affected buildings gets one.
        var notices = heads.DistinctBy(h => h.Email!.ToUpperInvariant()).Select(h => PublicNotice.Compose(facts, h.Email!, h.Name)).ToList();
        var withoutNotice = buildings.Where(b => heads.All(h => h.BuildingGroupId != b.Key)).Select(b => b.Value).Order(StringComparer.Ordinal).ToList();

        // The workflow learns the complaint through the inputs it declares; what the complaint says wins over the request.
        var workflowInput = (input?.DeepClone() as JsonObject) ?? [];
        var known = new Dictionary<string, string>
        {
            ["caseNumber"] = caseNumber, ["complaintId"] = complaintId.ToString(), ["title"] = complaint.Title,
            ["categoryCode"] = complaint.CategoryCode, ["communityId"] = communityId.ToString(),
        };
        foreach (var (name, value) in known.Where(k => declaredInputs.ContainsKey(k.Key))) workflowInput[name] = value;
        return new AnchorPlan(complaint, caseNumber, now, ranked, workflowInput, notices, withoutNotice)
        {
            CaseId = seated.Count > 0 || proposal.RulesTemplate is not null ? Guid.CreateVersion7(now) : null,
            RulesTemplate = proposal.RulesTemplate, Advisors = seated, MissingAdvisors = missing, Facts = facts,
        };
    }

    /// <summary>
    /// The public-notice period (公示期) the workflow waits before it goes on, when it declares the input
    /// <c>noticePeriod</c>: the request's value, else the declared default; none when zero or not a duration
    /// (the workflow's own input validation reports a malformed one).
    /// </summary>
    private static TimeSpan? NoticePeriod(Dictionary<string, WorkflowInputDefinition> declaredInputs, JsonObject? input)
    {
        if (!declaredInputs.TryGetValue("noticePeriod", out var declared)) return null;
        var value = input is not null && input.TryGetPropertyValue("noticePeriod", out var given) ? given : declared.Default;
        return value is JsonValue text && text.TryGetValue(out string? s) && Durations.TryParse(s, out var period) && period > TimeSpan.Zero ? period : null;
    }

    private async Task WriteAnchorAsync(IStepScope step, AnchorPlan plan, Guid instanceId, Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await database.OpenInStepAsync(step, cancellationToken);
        if (await db.Complaints.AnyAsync(c => c.CaseNumber == plan.CaseNumber, cancellationToken))
            throw new WorkflowException(WorkflowErrorKind.Conflict, "case-number-taken", $"Case number {plan.CaseNumber} was taken meanwhile.");
        // Re-checks the status inside the transaction: of two requests at once, one anchors and the other changes nothing.
        if (await db.Complaints.Where(c => c.Id == plan.Complaint.Id && c.Status == ComplaintStatus.Open)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, ComplaintStatus.Anchored).SetProperty(c => c.CaseNumber, plan.CaseNumber)
                    .SetProperty(c => c.AnchoredAt, plan.At).SetProperty(c => c.InstanceId, instanceId), cancellationToken) != 1)
            throw Changed();
        db.ComplaintEvents.Add(Event(plan.Complaint.Id, ComplaintEventKinds.Anchored, null, userId, plan.At, plan.CaseNumber));
        db.QueueEmails(plan.Notices, plan.At, instanceId);
        // The same notice for the wall, with a QR code to its page: comments are taken during the notice period, if any.
        Notices.NoticeStore.Post(db, plan.Complaint.CommunityId, Notices.NoticeKinds.Anchored, plan.CaseNumber, PublicNotice.Subject(plan.Facts),
            PublicNotice.WallText(plan.Facts), plan.At, plan.Facts.NoticeEndsAt, instanceId);
        if (plan.CaseId is { } caseId)
        {
            // The case opens now, before the workflow's first steps, which find it by its case number: the kind of matter
            // brings its rules of procedure and its professional advisors (who advise and do not vote unless the rules say so).
            var template = plan.RulesTemplate is { } code ? RulesTemplates.Find(code) : null;
            db.Cases.Add(new DeliberationCase
            {
                Id = caseId, CommunityId = plan.Complaint.CommunityId, ComplaintId = plan.Complaint.Id, CaseNumber = plan.CaseNumber,
                Title = plan.Complaint.Title.Length > StakeholderStore.MaxTitleLength ? plan.Complaint.Title[..StakeholderStore.MaxTitleLength] : plan.Complaint.Title,
                CreatedAt = plan.At,
                Rules = template is null ? null : JsonSerializer.Serialize(RulesDocument.From(template), DefinitionJson.Options),
            });
            db.PanelMembers.AddRange(plan.Advisors.Select(a => new PanelMember
            {
                Id = Guid.CreateVersion7(plan.At), CaseId = caseId, CommunityId = plan.Complaint.CommunityId, PersonId = a.PersonId,
                Role = PanelRoles.Advisor, PartyKind = a.Kind, Votes = false, Source = PanelSources.Staff, JoinedAt = plan.At,
            }));
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private Task<IReadOnlyList<RankedComplaint>> RankAsync(ICivicSession db, Guid communityId, CancellationToken cancellationToken) =>
        RankAsync(db, communityId, db.Complaints.Where(c => c.CommunityId == communityId && c.Status == ComplaintStatus.Open), ranking, cancellationToken);

    /// <summary>Ranks <paramref name="which"/> (complaints of the community) by <see cref="ComplaintRanking"/>, reading in <paramref name="db"/>.</summary>
    internal static async Task<IReadOnlyList<RankedComplaint>> RankAsync(ICivicSession db, Guid communityId, IQueryable<Complaint> which, RankingOptions ranking,
        CancellationToken cancellationToken)
    {
        var complaints = await which.ToListAsync(cancellationToken);
        var ids = complaints.Select(c => c.Id).ToList();
        var scopes = await db.ComplaintScopes.Where(s => ids.Contains(s.ComplaintId)).ToListAsync(cancellationToken);
        var households = await db.Households.Where(h => h.CommunityId == communityId).Select(h => new { h.Id, h.BuildingGroupId }).ToListAsync(cancellationToken);
        var byBuilding = households.ToLookup(h => h.BuildingGroupId, h => h.Id);
        var scopesByComplaint = scopes.ToLookup(s => s.ComplaintId);
        return ComplaintRanking.Rank(complaints.Select(c => new RankingCandidate(c, AffectedHouseholds.Of(scopesByComplaint[c.Id], byBuilding).Count)), households.Count, ranking);
    }

    private static async Task<string> NextCaseNumberAsync(ICivicSession db, Community community, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var prefix = CaseNumbers.Prefix(community.Code, CaseNumbers.YearInBeijing(now));
        var existing = await db.Complaints.Where(c => c.CommunityId == community.Id && c.CaseNumber != null && c.CaseNumber.StartsWith(prefix))
            .Select(c => c.CaseNumber!).ToListAsync(cancellationToken);
        return CaseNumbers.Next(community.Code, now, existing);
    }

    private static string PhotoPath(Guid communityId, Guid complaintId, Guid photoId, string extension) =>
        $"{communityId}/{complaintId}/{photoId}.{extension}";

    private static async Task<Complaint> FindAsync(ICivicSession db, Guid communityId, Guid complaintId, CancellationToken cancellationToken) =>
        await db.Complaints.FirstOrDefaultAsync(c => c.Id == complaintId && c.CommunityId == communityId, cancellationToken) ?? throw NotFound(complaintId);

    private static void RequireOpen(Complaint complaint)
    {
        if (complaint.Status != ComplaintStatus.Open)
            throw new WorkflowException(WorkflowErrorKind.Conflict, "complaint-not-open", complaint.Status switch
            {
                ComplaintStatus.Merged => $"Complaint {complaint.Id} was merged into {complaint.MergedIntoId}; nothing changed.",
                ComplaintStatus.Anchored => $"Complaint {complaint.Id} is anchored as case {complaint.CaseNumber}; nothing changed.",
                _ => $"Complaint {complaint.Id} is {complaint.Status}; nothing changed.",
            });
    }

    /// <summary>A complaint's own figures as the merge records them: <c>severity=4;urgency=3</c>.</summary>
    private static string OwnFigures(int severity, int urgency) => string.Create(CultureInfo.InvariantCulture, $"severity={severity};urgency={urgency}");

    /// <summary>The figures <see cref="OwnFigures"/> wrote; null for a note without them (a merge of an earlier version).</summary>
    private static (int Severity, int Urgency)? ParseFigures(string? note)
    {
        var parts = (note ?? "").Split(';').Select(p => p.Split('=')).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        return parts.TryGetValue("severity", out var s) && parts.TryGetValue("urgency", out var u)
            && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var severity) && int.TryParse(u, NumberStyles.None, CultureInfo.InvariantCulture, out var urgency)
            ? (severity, urgency) : null;
    }

    private static ComplaintEvent Event(Guid complaintId, string kind, Guid? other, Guid userId, DateTimeOffset at, string? note = null) =>
        new() { Id = Guid.CreateVersion7(at), ComplaintId = complaintId, Kind = kind, OtherComplaintId = other, UserId = userId, At = at, Note = note };

    private static WorkflowException NotFound(Guid complaintId) =>
        new(WorkflowErrorKind.NotFound, "complaint-not-found", $"The community has no complaint {complaintId}.");

    private static async Task RequireCommunityAsync(ICivicSession db, Guid communityId, CancellationToken cancellationToken)
    {
        if (!await db.Communities.AnyAsync(c => c.Id == communityId, cancellationToken)) throw CommunityNotFound(communityId);
    }

    private static WorkflowException CommunityNotFound(Guid communityId) =>
        new(WorkflowErrorKind.NotFound, "community-not-found", $"There is no community {communityId}.");

    private static WorkflowException Changed() =>
        new(WorkflowErrorKind.Conflict, "complaint-not-open", "A complaint changed while this request ran (merged or anchored meanwhile); nothing changed.");
}
