using System.Text.Json;
using System.Text.Json.Nodes;
using Deliberation.Civic.Communities;
using Deliberation.Civic.Data;
using Deliberation.Civic.Links;
using Deliberation.Civic.Participation;
using Deliberation.Engine.Activities;
using Deliberation.Engine.Definitions;
using Deliberation.Engine.Runtime;

namespace Deliberation.Civic.Needs;

/// <summary>
/// 发布认领 (三单: 社区派单、单位接单): publishes an open need of the needs list to an audience — the organisations of the
/// directory of given kinds or ids (their representative, linked to the roster, is asked) and named people such as assigned
/// party members — each by email with a signed claim link. The first claim wins (<see cref="ClaimAnswerHandler"/>); the
/// winner gets a due date (<c>dueAfter</c> from the claim, unless staff set one) and a progress link; at the due date an
/// unfinished need is reminded to the claimant and reported to staff, and the wait goes on. Once reported done, the
/// requester is asked by link to confirm (回访) — or staff, when nobody on the roster asked. Every wait is a bookmark or a
/// timer. Outcomes: <c>Confirmed</c>, <c>NotConfirmed</c> (not satisfied), <c>NoAnswer</c> (the confirmation window
/// passed), <c>Unclaimed</c> (nobody claimed it in the claim window: it is open again) and <c>Closed</c> (staff closed it).
/// Output: <c>{ needId, title, status, offered, claimant, claimantOrganisationId, claimantPersonId, dueAt, satisfied, comment }</c>.
/// </summary>
public sealed class PublishAndClaimActivity(ICivicDatabase database, AnswerLinks links, StaffAlerts alerts) : Activity
{
    /// <summary>The palette category of the needs list's steps.</summary>
    public static readonly LocalizedText Category = new("需求清单", "Needs list");

    private const string ClaimedTag = "claimed";
    private const string DoneTag = "done";
    private const string ConfirmedTag = "confirmed";
    private const string ClosedTag = "closed";
    private const string ClaimWindowTag = "claim-window";
    private const string DueTag = "due";
    private const string ConfirmWindowTag = "confirm-window";

    /// <inheritdoc/>
    public override ActivityDescriptor Descriptor { get; } = new(
        "PublishAndClaim", 1, new("发布认领", "Publish and claim"), Category,
        [
            new("needId", InputType.Text, new("需求", "Need"), true, UiHint.Code)
                { Description = new("需求清单中的一项需求，通常为 {{ input.needId }}；须为“待发布”状态", "A need of the needs list, usually {{ input.needId }}; it must be open") },
            new("organisationKinds", InputType.Json, new("认领单位类别", "Organisation kinds"), false, UiHint.Json)
            {
                Description = new("组织名录中哪些类别的组织可以认领，例如 [\"resident-unit\", \"social-organisation\"]（驻区单位、社会组织）或本社区添加的类别；由各组织的代表认领",
                    "Which kinds of organisation of the directory may claim, e.g. [\"resident-unit\", \"social-organisation\"] or a kind the community added; each organisation's representative is asked"),
                Default = new JsonArray(),
            },
            new("organisationIds", InputType.Json, new("认领单位", "Organisations"), false, UiHint.Json)
                { Description = new("另外指定的组织（组织名录中的 id 列表）", "More organisations, by id (a list)"), Default = new JsonArray() },
            new("personIds", InputType.Json, new("认领人员", "People"), false, UiHint.Json)
                { Description = new("可以以个人名义认领的人员（居民名册中的 id 列表），例如下沉党员", "People who may claim for themselves (roster ids), e.g. assigned party members"), Default = new JsonArray() },
            new("claimWindow", InputType.Duration, new("认领期限", "Claim window"), false, UiHint.Duration)
                { Description = new("发布后多久内可以认领，例如 3d；期满无人认领则走“无人认领”，需求回到待发布", "How long the need may be claimed, e.g. 3d; when nobody claims it, Unclaimed is taken and the need is open again"), Default = "3d" },
            new("dueAfter", InputType.Duration, new("完成时限", "Due after"), false, UiHint.Duration)
                { Description = new("认领后多久内须完成，例如 7d（需求已有完成期限的，以其为准）；逾期提醒认领方并通知工作人员", "How long after the claim it is due, e.g. 7d (a due date staff set wins); when overdue the claimant is reminded and staff are told"), Default = "7d" },
            new("confirmWindow", InputType.Duration, new("确认期限", "Confirmation window"), false, UiHint.Duration)
                { Description = new("报告完成后，提出需求的居民（或工作人员）多久内确认，例如 7d；期满未答复走“未答复”", "How long the requester (or staff) has to confirm once it is reported done, e.g. 7d; then NoAnswer is taken"), Default = "7d" },
        ],
        ["Confirmed", "NotConfirmed", "NoAnswer", "Unclaimed", "Closed"])
    {
        Description = new("把需求清单中的一项需求发布给驻区单位、共建单位或下沉党员认领：先认领者得，认领后按期办理并用链接汇报进展，完成后请提出需求的居民确认（回访）。",
            "Publishes a need of the needs list to units and party members: the first to claim owns it, reports progress by link by its due date, and the requester confirms when it is done (follow-up)."),
        Waits = true,
    };

    /// <inheritdoc/>
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var communityId = DeliberationSteps.Community(context);
        var needId = DeliberationSteps.RequireId(context, "needId");
        var claimWindow = Positive(context, "claimWindow");
        var dueAfter = Positive(context, "dueAfter");
        Positive(context, "confirmWindow");
        var kinds = Texts(context, "organisationKinds");
        var organisationIds = Ids(context, "organisationIds");
        var personIds = Ids(context, "personIds");
        var now = context.Now;
        var closesAt = now + claimWindow;
        var offered = await DeliberationSteps.WriteInStepAsync(context, database, async (db, ct) =>
        {
            var need = await db.Needs.AsNoTracking().FirstOrDefaultAsync(n => n.Id == needId && n.CommunityId == communityId, ct)
                ?? throw NeedFields.StepNeedMissing.Fault();
            if (need.Status != NeedStatuses.Open) throw NeedFields.StepNeedNotOpen.Fault(("status", need.Status));
            var candidates = await CandidatesAsync(db, communityId, kinds, organisationIds, personIds, ct);
            if (candidates.Count == 0) throw NeedFields.StepNoCandidates.Fault();
            var published = await db.Needs.Where(n => n.Id == needId && n.Status == NeedStatuses.Open).ExecuteUpdateAsync(s => s
                .SetProperty(n => n.Status, NeedStatuses.Published).SetProperty(n => n.PublishedAt, now).SetProperty(n => n.ClaimClosesAt, closesAt)
                .SetProperty(n => n.InstanceId, context.InstanceId).SetProperty(n => n.ClaimantOrganisationId, (Guid?)null)
                .SetProperty(n => n.ClaimantPersonId, (Guid?)null).SetProperty(n => n.ClaimantName, (string?)null).SetProperty(n => n.ClaimedAt, (DateTimeOffset?)null)
                .SetProperty(n => n.UpdatedAt, now), ct);
            if (published == 0) throw NeedFields.StepNeedNotOpen.Fault(("status", "?"));
            var data = new JsonObject
            {
                ["options"] = new JsonArray(new JsonObject { ["value"] = ClaimAnswerHandler.ClaimChoice, ["label"] = "我方认领，按期办理" }),
                ["description"] = NeedEmails.Details(need) + $"认领后 {NeedEmails.Durations(dueAfter)}内完成。先认领者负责办理。",
            };
            foreach (var candidate in candidates)
            {
                var task = AddTask(db, communityId, candidate, needId, TaskPurposes.Claim, $"认领需求：{need.Title}", data, closesAt, context.InstanceId,
                    NeedSignals.Claimed(needId), now);
                db.QueueEmail(NeedEmails.Offer(candidate.Email, candidate.PersonName, candidate.OrganisationId is null ? null : candidate.Name, need, closesAt, dueAfter,
                    links.CreateUrl(task, now)), now, context.InstanceId);
            }
            return candidates.Count;
        });
        context.State["offered"] = offered;
        return ActivityResult.Suspend(Signal(NeedSignals.Claimed(needId), ClaimedTag, needId), Signal(NeedSignals.Closed(needId), ClosedTag, needId),
            BookmarkRequest.ForTimer(closesAt, ClaimWindowTag));
    }

    /// <inheritdoc/>
    public override async ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ResumeContext resume)
    {
        ArgumentNullException.ThrowIfNull(resume);
        var communityId = DeliberationSteps.Community(context);
        var needId = DeliberationSteps.RequireId(context, "needId");
        var now = context.Now;
        var closed = Signal(NeedSignals.Closed(needId), ClosedTag, needId);
        switch (resume.Tag)
        {
            case ClosedTag:
                return await CompleteAsync(context, communityId, needId, "Closed");

            case ClaimWindowTag:
                await DeliberationSteps.WriteInStepAsync(context, database, async (db, ct) =>
                {
                    await db.Needs.Where(n => n.Id == needId && n.Status == NeedStatuses.Published).ExecuteUpdateAsync(s => s
                        .SetProperty(n => n.Status, NeedStatuses.Open).SetProperty(n => n.ClaimClosesAt, (DateTimeOffset?)null).SetProperty(n => n.UpdatedAt, now), ct);
                    await NeedStore.CloseTasksAsync(db, needId, TaskPurposes.Claim, now, ct);
                });
                return await CompleteAsync(context, communityId, needId, "Unclaimed");

            case ClaimedTag:
            {
                var dueAfter = Positive(context, "dueAfter");
                var dueAt = await DeliberationSteps.WriteInStepAsync(context, database, async (db, ct) =>
                {
                    await db.Needs.Where(n => n.Id == needId && n.DueAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.DueAt, now + dueAfter), ct);
                    var need = await db.Needs.AsNoTracking().SingleAsync(n => n.Id == needId, ct);
                    var person = await db.People.AsNoTracking().SingleAsync(p => p.Id == need.ClaimantPersonId, ct);
                    var claimant = new Candidate(person.Id, need.ClaimantOrganisationId, need.ClaimantName ?? person.Name, person.Name,
                        await ClaimantEmailAsync(db, need, person, ct) ?? "");
                    var data = new JsonObject { ["form"] = TaskForm.ProgressForm, ["description"] = NeedEmails.Details(need) };
                    var task = AddTask(db, communityId, claimant, needId, TaskPurposes.ClaimProgress, $"汇报进展：{need.Title}", data, null, context.InstanceId,
                        NeedSignals.Done(needId), now);
                    if (claimant.Email.Length > 0) db.QueueEmail(NeedEmails.Claimed(claimant.Email, claimant.PersonName, need, links.CreateUrl(task, now)), now, context.InstanceId);
                    return need.DueAt;
                });
                var waits = new List<BookmarkRequest> { Signal(NeedSignals.Done(needId), DoneTag, needId), closed };
                if (dueAt is { } due) waits.Add(BookmarkRequest.ForTimer(due > now ? due : now, DueTag));
                return ActivityResult.Suspend([.. waits]);
            }

            case DueTag:
                await DeliberationSteps.WriteInStepAsync(context, database, async (db, ct) =>
                {
                    var need = await db.Needs.AsNoTracking().SingleAsync(n => n.Id == needId, ct);
                    if (need.Status != NeedStatuses.Claimed) return;
                    var progress = await db.NeedTasks.AsNoTracking().Where(o => o.NeedId == needId && o.Purpose == TaskPurposes.ClaimProgress)
                        .OrderByDescending(o => o.CreatedAt).FirstOrDefaultAsync(ct);
                    var task = progress is null ? null : await db.Tasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == progress.TaskId, ct);
                    var person = need.ClaimantPersonId is { } p ? await db.People.AsNoTracking().SingleOrDefaultAsync(x => x.Id == p, ct) : null;
                    if (task is not null && person is not null && await ClaimantEmailAsync(db, need, person, ct) is { } email)
                        db.QueueEmail(NeedEmails.Overdue(email, person.Name, need, links.CreateUrl(task, now)), now, context.InstanceId);
                    await alerts.QueueAsync(db, communityId, context.InstanceId, $"需求逾期未完成：{need.Title}",
                        $"{need.ClaimantName}认领的需求“{need.Title}”已超过完成期限，目前进度 {need.Percent}%。已提醒认领方；请在需求清单中跟进，必要时关闭该需求。", now, ct);
                });
                return ActivityResult.Suspend(Signal(NeedSignals.Done(needId), DoneTag, needId), closed);

            case DoneTag:
            {
                var confirmWindow = Positive(context, "confirmWindow");
                var closesAt = now + confirmWindow;
                await DeliberationSteps.WriteInStepAsync(context, database, async (db, ct) =>
                {
                    var need = await db.Needs.AsNoTracking().SingleAsync(n => n.Id == needId, ct);
                    var requester = need.RequesterPersonId is { } r ? await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == r, ct) : null;
                    if (requester is null)
                    {
                        await alerts.QueueAsync(db, communityId, context.InstanceId, $"请回访确认：{need.Title}",
                            $"{need.ClaimantName}已报告需求“{need.Title}”办理完成{(need.ProgressNote is { } note ? "：" + note : "。")}该需求没有登记提出人，请回访后在需求清单中记录确认结果（满意或不满意）。",
                            now, ct);
                        return;
                    }
                    var data = new JsonObject
                    {
                        ["options"] = new JsonArray(
                            new JsonObject { ["value"] = ConfirmAnswerHandler.Satisfied, ["label"] = "满意，已办好" },
                            new JsonObject { ["value"] = ConfirmAnswerHandler.NotSatisfied, ["label"] = "不满意（请写明原因）" }),
                        ["allowComment"] = true,
                        ["description"] = $"{need.ClaimantName}已报告办理完成。" + (need.ProgressNote is { } n ? $"说明：{n}" : ""),
                    };
                    var asked = new Candidate(requester.Id, null, requester.Name, requester.Name, requester.Email?.Trim() ?? "");
                    var task = AddTask(db, communityId, asked, needId, TaskPurposes.Confirm, $"确认办理结果：{need.Title}", data, closesAt, context.InstanceId,
                        NeedSignals.Confirmed(needId), now);
                    // Without an address the building head answers for the requester (the proxy list shows the task).
                    if (EmailAddresses.IsValid(asked.Email)) db.QueueEmail(NeedEmails.Confirm(asked.Email, asked.PersonName, need, closesAt, links.CreateUrl(task, now)), now, context.InstanceId);
                });
                return ActivityResult.Suspend(Signal(NeedSignals.Confirmed(needId), ConfirmedTag, needId), closed, BookmarkRequest.ForTimer(closesAt, ConfirmWindowTag));
            }

            case ConfirmWindowTag:
                await DeliberationSteps.WriteInStepAsync(context, database, (db, ct) => NeedStore.CloseTasksAsync(db, needId, TaskPurposes.Confirm, now, ct));
                return await CompleteAsync(context, communityId, needId, "NoAnswer");

            case ConfirmedTag:
            {
                var satisfied = await DeliberationSteps.WriteInStepAsync(context, database,
                    async (db, ct) => (await db.Needs.AsNoTracking().SingleAsync(n => n.Id == needId, ct)).Satisfied);
                return await CompleteAsync(context, communityId, needId, satisfied == true ? "Confirmed" : "NotConfirmed");
            }

            default:
                throw new InvalidOperationException($"PublishAndClaim was resumed by an unknown bookmark '{resume.Tag}'.");
        }
    }

    /// <summary>Completes through <paramref name="outcome"/> with the need as it stands.</summary>
    private async ValueTask<ActivityResult> CompleteAsync(ActivityContext context, Guid communityId, Guid needId, string outcome)
    {
        var need = await DeliberationSteps.WriteInStepAsync(context, database,
            (db, ct) => db.Needs.AsNoTracking().SingleAsync(n => n.Id == needId && n.CommunityId == communityId, ct));
        return ActivityResult.Complete(outcome, new JsonObject
        {
            ["needId"] = needId.ToString(),
            ["title"] = need.Title,
            ["status"] = need.Status,
            ["offered"] = context.State["offered"]?.DeepClone(),
            ["claimant"] = need.ClaimantName,
            ["claimantOrganisationId"] = need.ClaimantOrganisationId?.ToString(),
            ["claimantPersonId"] = need.ClaimantPersonId?.ToString(),
            ["dueAt"] = need.DueAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["satisfied"] = need.Satisfied,
            ["comment"] = need.ConfirmationComment,
        });
    }

    /// <summary>Someone who may be asked: the person, the organisation they answer for (if any), the claimant's name, the person's name and their address.</summary>
    private sealed record Candidate(Guid PersonId, Guid? OrganisationId, string Name, string PersonName, string Email);

    /// <summary>
    /// The audience: each organisation of the kinds or ids whose representative is on the roster and has an address (the
    /// contact's, else the person's), then each person named who has one; an organisation or person once.
    /// </summary>
    private static async Task<List<Candidate>> CandidatesAsync(ICivicSession db, Guid communityId, List<string> kinds, List<Guid> organisationIds,
        List<Guid> personIds, CancellationToken cancellationToken)
    {
        var result = new List<Candidate>();
        if (kinds.Count > 0 || organisationIds.Count > 0)
        {
            var organisations = await db.Organisations.AsNoTracking()
                .Where(o => o.CommunityId == communityId && (kinds.Contains(o.Kind) || organisationIds.Contains(o.Id))).OrderBy(o => o.Name).ToListAsync(cancellationToken);
            var ids = organisations.Select(o => o.Id).ToList();
            var representatives = await db.OrganisationContacts.AsNoTracking().Where(c => ids.Contains(c.OrganisationId) && c.IsRepresentative && c.PersonId != null)
                .ToDictionaryAsync(c => c.OrganisationId, cancellationToken);
            var people = representatives.Values.Select(c => c.PersonId!.Value).Distinct().ToList();
            var persons = await db.People.AsNoTracking().Where(p => p.CommunityId == communityId && people.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
            foreach (var organisation in organisations)
            {
                if (!representatives.TryGetValue(organisation.Id, out var contact) || !persons.TryGetValue(contact.PersonId!.Value, out var person)) continue;
                var email = Address(contact.Email) ?? Address(person.Email);
                if (email is not null) result.Add(new Candidate(person.Id, organisation.Id, organisation.Name, contact.Name, email));
            }
        }
        if (personIds.Count > 0)
        {
            var people = await db.People.AsNoTracking().Where(p => p.CommunityId == communityId && personIds.Contains(p.Id)).OrderBy(p => p.Name).ToListAsync(cancellationToken);
            foreach (var person in people)
                if (Address(person.Email) is { } email && !result.Any(c => c.PersonId == person.Id && c.OrganisationId is null))
                    result.Add(new Candidate(person.Id, null, person.Name, person.Name, email));
        }
        return result;
    }

    /// <summary>The claimant's address: their organisation representative's contact address, else the person's.</summary>
    private static async Task<string?> ClaimantEmailAsync(ICivicSession db, Need need, Person person, CancellationToken cancellationToken)
    {
        string? contact = null;
        if (need.ClaimantOrganisationId is { } organisationId)
            contact = await db.OrganisationContacts.AsNoTracking().Where(c => c.OrganisationId == organisationId && c.PersonId == person.Id)
                .Select(c => c.Email).FirstOrDefaultAsync(cancellationToken);
        return Address(contact) ?? Address(person.Email);
    }

    private static string? Address(string? email) => email?.Trim() is { Length: > 0 } e && EmailAddresses.IsValid(e) ? e : null;

    private static ParticipationTask AddTask(ICivicSession db, Guid communityId, Candidate who, Guid needId, string purpose, string title, JsonObject data,
        DateTimeOffset? closesAt, Guid instanceId, string signal, DateTimeOffset now)
    {
        var task = new ParticipationTask
        {
            Id = Guid.CreateVersion7(now), CommunityId = communityId, PersonId = who.PersonId, InstanceId = instanceId, SignalName = signal, Purpose = purpose,
            Title = title.Length <= TaskStore.MaxTitleLength ? title : title[..TaskStore.MaxTitleLength], Data = data.ToJsonString(DefinitionJson.Options),
            CreatedAt = now, ClosesAt = closesAt, LinkVersion = 1,
        };
        db.Tasks.Add(task);
        db.NeedTasks.Add(new NeedTask
        {
            Id = Guid.CreateVersion7(now), NeedId = needId, CommunityId = communityId, TaskId = task.Id, Purpose = purpose, PersonId = who.PersonId,
            OrganisationId = who.OrganisationId, Name = who.Name.Length <= Need.MaxClaimantName ? who.Name : who.Name[..Need.MaxClaimantName], CreatedAt = now,
        });
        return task;
    }

    private static BookmarkRequest Signal(string name, string tag, Guid needId) => BookmarkRequest.ForSignal(name, tag, needId.ToString());

    /// <summary>A duration input (its default when absent) that must be positive.</summary>
    private static TimeSpan Positive(ActivityContext context, string input) =>
        context.GetDuration(input) is { } value && value > TimeSpan.Zero ? value : throw NeedFields.StepDuration.Fault(("input", input), ("activity", context.Node.Id));

    /// <summary>A list input: a JSON array of texts, or one text of items separated by commas or lines.</summary>
    private static List<string> Texts(ActivityContext context, string input)
    {
        var value = context.GetInput(input);
        return value switch
        {
            null => [],
            JsonArray array when array.All(i => i is JsonValue v && v.GetValueKind() == JsonValueKind.String) =>
                array.Select(i => i!.GetValue<string>().Trim()).Where(t => t.Length > 0).Distinct().ToList(),
            JsonValue v when v.GetValueKind() == JsonValueKind.String =>
                v.GetValue<string>().Split([',', '，', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList(),
            _ => throw NeedFields.StepAudience.Fault(("input", input), ("activity", context.Node.Id)),
        };
    }

    private static List<Guid> Ids(ActivityContext context, string input) =>
        Texts(context, input).Select(text => Guid.TryParse(text, out var id) ? id : throw NeedFields.StepAudience.Fault(("input", input), ("activity", context.Node.Id))).ToList();
}
