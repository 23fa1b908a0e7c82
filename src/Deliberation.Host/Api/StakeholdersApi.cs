using System.Security.Claims;
using System.Text.Json.Nodes;
using Deliberation.Civic.Elections;
using Deliberation.Engine.Activities;
using Deliberation.Engine.Runtime;
using Deliberation.Host.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Deliberation.Host.Api;

/// <summary>
/// Step 2, identifying stakeholders (确定利益相关方): cases, affected groups, layered elections of
/// representatives (逐层推选) and the deliberation panel. Staff only, within their communities.
/// </summary>
public static class StakeholdersApi
{
    /// <summary>A request to open a case.</summary>
    /// <param name="ComplaintId">The anchored complaint; its case number and title are used when not given.</param>
    /// <param name="CaseNumber">The case number, e.g. DL-2026-003.</param>
    /// <param name="Title">What the case is about.</param>
    /// <param name="AdvisorsMayVote">Whether the rules of procedure let professional advisors vote (default false).</param>
    public sealed record CreateCaseRequest(Guid? ComplaintId, string? CaseNumber, string? Title, bool? AdvisorsMayVote);

    /// <summary>A request to define an affected group.</summary>
    /// <param name="Name">Its name; defaults to the building group's or precinct's.</param>
    /// <param name="Kind"><c>building-group</c>, <c>precinct</c> or <c>ad-hoc</c>.</param>
    /// <param name="BuildingGroupId">For <c>building-group</c>.</param>
    /// <param name="PrecinctId">For <c>precinct</c>.</param>
    /// <param name="HouseholdIds">For <c>ad-hoc</c>: the households, e.g. the low-floor owners of building 5.</param>
    public sealed record DefineGroupRequest(string? Name, string? Kind, Guid? BuildingGroupId, Guid? PrecinctId, IReadOnlyList<Guid>? HouseholdIds);

    /// <summary>A request to open elections.</summary>
    /// <param name="Seats">How many are elected, 1–3 (default 1).</param>
    /// <param name="NominationsCloseAt">When nominations close.</param>
    /// <param name="BallotClosesAt">The ballot deadline.</param>
    /// <param name="ReminderBefore">How long before the deadline non-voters are reminded, e.g. <c>24h</c> (default) or <c>PT12H</c>.</param>
    /// <param name="TieRule"><c>lots</c> (default: drawn with a recorded random seed) or <c>staff</c> (decided with a recorded reason).</param>
    /// <param name="CountingMethod"><c>plurality</c> (default): 每户一票,得票多者当选.</param>
    /// <param name="SeatsByBuildingGroup">Layer 1: seats for particular building groups, by id (a larger building may send more delegates).</param>
    public sealed record OpenElectionRequest(int? Seats, DateTimeOffset? NominationsCloseAt, DateTimeOffset? BallotClosesAt, string? ReminderBefore,
        string? TieRule, string? CountingMethod, Dictionary<Guid, int>? SeatsByBuildingGroup);

    /// <summary>A nomination.</summary>
    /// <param name="PersonId">The candidate, of the electorate.</param>
    /// <param name="NominatedByPersonId">The nominator, of the electorate: the candidate for self-nomination; omit when staff enter it.</param>
    public sealed record NominateRequest(Guid PersonId, Guid? NominatedByPersonId);

    /// <summary>A staff decision on a tie for the last seat.</summary>
    /// <param name="Order">The tied candidate ids, best first.</param>
    /// <param name="Reason">Why, recorded with the result.</param>
    public sealed record TieDecisionRequest(IReadOnlyList<Guid>? Order, string? Reason);

    /// <summary>A party or advisor to add to the panel.</summary>
    /// <param name="PersonId">A person of the community's roster.</param>
    /// <param name="Role"><c>party</c> or <c>advisor</c>.</param>
    /// <param name="PartyKind">For a party: <c>residents-committee</c>, <c>grid-party-branch</c>, <c>property-company</c>, <c>owners-committee</c>, <c>social-worker</c>, <c>social-organisation</c>, <c>resident-unit</c>, <c>building-head</c>, <c>volunteer</c>; for an advisor: <c>lawyer</c>, <c>accountant</c>.</param>
    /// <param name="Votes">Whether the member votes; parties do by default, advisors do not and may only when the case's rules allow.</param>
    public sealed record AddPanelMemberRequest(Guid PersonId, string? Role, string? PartyKind, bool? Votes);

    /// <summary>An organisation of the community's directory to add to the panel: its representative joins as a party of its kind.</summary>
    /// <param name="OrganisationId">The organisation (组织名录); its representative must be linked to the roster.</param>
    /// <param name="Votes">Whether the member votes; parties do by default.</param>
    public sealed record AddOrganisationToPanelRequest(Guid OrganisationId, bool? Votes);

    /// <summary>A member dropping out.</summary>
    public sealed record DropOutRequest(string? Reason);

    /// <summary>An election in a list.</summary>
    /// <param name="Entrance">The entrance (单元) whose households vote, when a large building elects by entrance.</param>
    public sealed record ElectionSummary(Guid Id, int Layer, Guid? BuildingGroupId, bool ElectsRepresentatives, string Status, string? Entrance = null);

    /// <summary>A case.</summary>
    /// <param name="StakeholderMode">Who speaks for those affected: elected, direct or parties.</param>
    /// <param name="ClosedAt">When the case closed; null while open.</param>
    public sealed record CaseView(Guid Id, Guid CommunityId, Guid? ComplaintId, string? CaseNumber, string Title, bool AdvisorsMayVote, DateTimeOffset CreatedAt,
        IReadOnlyList<GroupSummary> Groups, string StakeholderMode, DateTimeOffset? ClosedAt);

    /// <summary>A group in a case.</summary>
    public sealed record GroupSummary(Guid Id, string Name, string Kind, string Mode, int HouseholdCount);

    /// <summary>An affected group and how it takes part.</summary>
    /// <param name="Mode"><c>direct</c>, <c>single-layer</c> or <c>layered</c>.</param>
    public sealed record GroupView(Guid Id, Guid CaseId, string Name, string Kind, Guid? SourceId, string Mode, int HouseholdCount,
        int HouseholdsWithoutRepresentative, IReadOnlyList<Guid> BuildingGroupIds, IReadOnlyList<ElectionSummary> Elections);

    /// <summary>A candidate with the count.</summary>
    public sealed record CandidateView(Guid Id, Guid PersonId, string Name, string NominationKind, Guid? NominatedByPersonId, int Position,
        int? Votes, int? Rank, bool Elected);

    /// <summary>A ballot: whether and how the voter voted (never what).</summary>
    public sealed record BallotView(Guid TaskId, Guid PersonId, string VoterName, Guid? HouseholdId, bool Emailed, bool Voted, string? Channel,
        DateTimeOffset? RemindedAt, int ReminderCount);

    /// <summary>An invitation to nominate: the voter's nomination task, and whether and how they nominated (never whom).</summary>
    public sealed record NominationInvitationView(Guid TaskId, Guid PersonId, string VoterName, bool Emailed, bool Nominated, string? Channel);

    /// <summary>An election with its candidates, ballots and result.</summary>
    /// <param name="CountingRule">The counting method as voters read it.</param>
    /// <param name="RemindAt">When non-voters are due a reminder (out of the quiet hours); null when there is no time for one while the ballot is open.</param>
    /// <param name="TiedForLastSeat">While <c>tied</c>: the candidates a staff decision must order.</param>
    public sealed record ElectionView(Guid Id, Guid CaseId, Guid GroupId, int Layer, Guid? BuildingGroupId, bool ElectsRepresentatives, int Seats,
        string CountingMethod, string CountingRule, string TieRule, DateTimeOffset NominationsOpenAt, DateTimeOffset NominationsCloseAt,
        DateTimeOffset BallotClosesAt, TimeSpan ReminderBefore, DateTimeOffset? RemindAt, string Status, DateTimeOffset? BallotsOpenedAt,
        int BallotsIssued, int BallotsCast, DateTimeOffset? CountedAt, string? LotsSeed, string? TieDecisionReason, Guid? TieDecidedByUserId,
        DateTimeOffset? TieDecidedAt, IReadOnlyList<Guid> TiedForLastSeat, IReadOnlyList<CandidateView> Candidates, IReadOnlyList<BallotView> Ballots,
        IReadOnlyList<NominationInvitationView> NominationInvitations, string? Entrance);

    /// <summary>A panel member; a party that joined from the directory of organisations has its organisation and that one's name when it joined.</summary>
    public sealed record PanelMemberView(Guid Id, Guid PersonId, string Name, string Role, string? PartyKind, bool Votes, string Source,
        Guid? GroupId, Guid? ElectionId, DateTimeOffset JoinedAt, bool Active, DateTimeOffset? LeftAt, string? LeftReason, Guid? ReplacedById, Guid? ReplacesId,
        Guid? OrganisationId = null, string? OrganisationName = null);

    /// <summary>The panel: members now sitting, and those who dropped out.</summary>
    public sealed record PanelView(Guid CaseId, IReadOnlyList<PanelMemberView> Members, IReadOnlyList<PanelMemberView> Former);

    /// <summary>Who dropped out and who took the seat.</summary>
    public sealed record DropOutView(PanelMemberView Left, PanelMemberView? Replacement);

    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapStakeholdersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/communities/{communityId:guid}").WithTags("Stakeholders")
            .RequireAuthorization(AuthRoles.StaffPolicy).RequireCommunityScope();
        api.MapPost("/cases", CreateCaseAsync).WithSummary("Opens a deliberation case, from an anchored complaint or on its own.");
        api.MapGet("/case-list", SearchCasesAsync)
            .WithSummary("The case list, newest first: status open or closed (else all), q a part of the title or case number, buildingGroupId a building it affects, matter the complaint's category, overdue=true for cases with an overdue action item; skip and take (at most 100) for paging; each case with its workflow instance.");
        api.MapGet("/case-ledger.xlsx", LedgerAsync)
            .WithSummary("The ledger of the cases (议事台账) as .xlsx, for the same filters as the case list: number, title, mode, dates, action items, budget, follow-up.");
        api.MapGet("/cases", ListCasesAsync).WithSummary("Lists the community's cases with their groups; filter by caseNumber or complaintId (the case an anchored complaint's workflow opened).");
        api.MapGet("/cases/{caseId:guid}", GetCaseAsync).WithSummary("Gets a case with its affected groups.");
        api.MapPost("/cases/{caseId:guid}/groups", DefineGroupAsync)
            .WithSummary("Defines an affected group (building group, precinct or listed households) and decides how it takes part: directly up to Deliberation:Elections:DirectParticipationMaxHouseholds households (its household representatives join the panel), else by election.");
        api.MapGet("/groups/{groupId:guid}", GetGroupAsync).WithSummary("Gets an affected group with its elections.");
        api.MapPost("/groups/{groupId:guid}/elections", OpenFirstLayerAsync)
            .WithSummary("Opens layer 1: one election per building group of the group, households electing delegates (or the representatives, for a group within one building group).");
        api.MapPost("/groups/{groupId:guid}/layer-two", OpenSecondLayerAsync)
            .WithSummary("Opens layer 2 once every layer-1 election is counted: the delegates elect the group's 1–3 representatives.");
        api.MapGet("/elections/{electionId:guid}", GetElectionAsync).WithSummary("Gets an election: candidates, ballots (who voted, how), result, lots seed or tie decision.");
        api.MapPost("/elections/{electionId:guid}/nominations", NominateAsync).WithSummary("Nominates a candidate of the electorate (self, by another voter, or entered by staff).");
        api.MapPost("/elections/{electionId:guid}/close-nominations", CloseNominationsAsync)
            .WithSummary("Closes nominations and sends the ballots: a task per voter with the candidates as options, its link emailed in the same transaction.");
        api.MapPost("/elections/{electionId:guid}/close-ballot", CloseBallotAsync)
            .WithSummary("Closes the ballot before its deadline: the links close and the case's workflow counts once the layer's last ballot has closed.");
        api.MapPost("/elections/{electionId:guid}/reminders", RemindAsync).WithSummary("Emails a reminder with their link to every voter who has not voted.");
        api.MapPost("/elections/{electionId:guid}/count", CountAsync)
            .WithSummary("Closes the ballots and counts the current votes (after the deadline, or once everyone voted); ties by the election's rule.");
        api.MapPost("/elections/{electionId:guid}/tie-decision", DecideTieAsync).WithSummary("Decides a tie for the last seat (tie rule staff): the order and the reason.");
        api.MapPost("/cases/{caseId:guid}/panel", AddPanelMemberAsync).WithSummary("Adds a party or a professional advisor to the panel.");
        api.MapPost("/cases/{caseId:guid}/panel/organisations", AddOrganisationToPanelAsync)
            .WithSummary("Adds an organisation of the directory (组织名录) to the panel: its representative joins as a party with the organisation's kind and name.");
        api.MapGet("/cases/{caseId:guid}/panel", GetPanelAsync).WithSummary("Gets the panel: representatives, parties and advisors, and who dropped out.");
        api.MapPost("/panel-members/{memberId:guid}/drop-out", DropOutAsync)
            .WithSummary("Records that a member drops out; an elected representative is replaced by the next in the election's count.");
        return app;
    }

    /// <summary>Opens a case.</summary>
    public static async Task<Created<CaseView>> CreateCaseAsync(Guid communityId, CreateCaseRequest request, StakeholderStore store, CancellationToken cancellationToken)
    {
        var created = await store.CreateCaseAsync(communityId, request.ComplaintId, request.CaseNumber, request.Title, request.AdvisorsMayVote ?? false, cancellationToken);
        return TypedResults.Created($"/api/communities/{communityId}/cases/{created.Id}", View(new CaseSnapshot(created, [])));
    }

    /// <summary>Gets a case.</summary>
    public static async Task<Ok<CaseView>> GetCaseAsync(Guid communityId, Guid caseId, StakeholderStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(View(await store.GetCaseAsync(communityId, caseId, cancellationToken)));

    /// <summary>A case in the case list.</summary>
    /// <param name="Step">The step an open case is at (1–5), null when closed.</param>
    public sealed record CaseListItem(Guid Id, string? CaseNumber, string Title, string StakeholderMode, DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt, Guid? InstanceId,
        int? Step);

    /// <summary>A page of the case list.</summary>
    public sealed record CaseListPage(IReadOnlyList<CaseListItem> Items, int Total, int Skip, int Take);

    /// <summary>Searches the case list.</summary>
    public static async Task<Ok<CaseListPage>> SearchCasesAsync(Guid communityId, string? status, string? q, Guid? buildingGroupId, string? matter, bool? overdue,
        int? step, int? skip, int? take, StakeholderStore store, CancellationToken cancellationToken)
    {
        var filter = CheckListFilter(status, q, buildingGroupId, matter, overdue, step);
        var s = Math.Max(0, skip ?? 0);
        var t = Math.Clamp(take ?? 20, 1, 100);
        var (items, total) = await store.SearchCasesAsync(communityId, filter, s, t, cancellationToken);
        return TypedResults.Ok(new CaseListPage(items.Select(i => new CaseListItem(i.Case.Id, i.Case.CaseNumber, i.Case.Title, i.Case.StakeholderMode, i.Case.CreatedAt,
            i.Case.ClosedAt, i.InstanceId, i.Step)).ToList(), total, s, t));
    }

    /// <summary>The case ledger as .xlsx.</summary>
    public static async Task<FileContentHttpResult> LedgerAsync(Guid communityId, string? status, string? q, Guid? buildingGroupId, string? matter, bool? overdue,
        int? step, CaseLedger ledger, CancellationToken cancellationToken)
    {
        var bytes = await ledger.WriteAsync(communityId, CheckListFilter(status, q, buildingGroupId, matter, overdue, step), cancellationToken);
        return TypedResults.File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "议事台账.xlsx");
    }

    private static CaseFilter CheckListFilter(string? status, string? q, Guid? buildingGroupId, string? matter, bool? overdue, int? step)
    {
        if (step is < 1 or > 5)
            throw new WorkflowException(WorkflowErrorKind.Invalid, "invalid-input", "A step is 1–5.")
                { FieldErrors = new Dictionary<string, FieldError[]> { ["step"] = [CommonFields.OneOf.With(("values", "1, 2, 3, 4, 5"))] } };
        if (status is not (null or "" or "open" or "closed"))
            throw new WorkflowException(WorkflowErrorKind.Invalid, "invalid-input", "Unknown status.")
                { FieldErrors = new Dictionary<string, FieldError[]> { ["status"] = [CommonFields.OneOf.With(("values", "open, closed"))] } };
        if (q?.Trim().Length > 100)
            throw new WorkflowException(WorkflowErrorKind.Invalid, "invalid-input", "The search is too long.")
                { FieldErrors = new Dictionary<string, FieldError[]> { ["q"] = [CommonFields.AtMost.With(("max", 100))] } };
        if (matter?.Trim().Length > 40)
            throw new WorkflowException(WorkflowErrorKind.Invalid, "invalid-input", "The kind of matter is too long.")
                { FieldErrors = new Dictionary<string, FieldError[]> { ["matter"] = [CommonFields.AtMost.With(("max", 40))] } };
        return new CaseFilter(string.IsNullOrEmpty(status) ? null : status, q, buildingGroupId, string.IsNullOrWhiteSpace(matter) ? null : matter.Trim(), overdue ?? false, step);
    }

    /// <summary>Lists cases.</summary>
    public static async Task<Ok<List<CaseView>>> ListCasesAsync(Guid communityId, string? caseNumber, Guid? complaintId, StakeholderStore store,
        CancellationToken cancellationToken) =>
        TypedResults.Ok((await store.ListCasesAsync(communityId, caseNumber, complaintId, cancellationToken)).Select(View).ToList());

    /// <summary>Defines an affected group.</summary>
    public static async Task<Created<GroupView>> DefineGroupAsync(Guid communityId, Guid caseId, DefineGroupRequest request, StakeholderStore store,
        CancellationToken cancellationToken)
    {
        var group = await store.DefineGroupAsync(communityId, caseId, request.Name, request.Kind, request.BuildingGroupId, request.PrecinctId,
            request.HouseholdIds, cancellationToken);
        return TypedResults.Created($"/api/communities/{communityId}/groups/{group.Group.Id}", View(group));
    }

    /// <summary>Gets an affected group.</summary>
    public static async Task<Ok<GroupView>> GetGroupAsync(Guid communityId, Guid groupId, StakeholderStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(View(await store.GetGroupAsync(communityId, groupId, cancellationToken)));

    /// <summary>Opens layer 1.</summary>
    public static async Task<Created<List<ElectionSummary>>> OpenFirstLayerAsync(Guid communityId, Guid groupId, OpenElectionRequest request,
        ElectionStore elections, CancellationToken cancellationToken)
    {
        var opened = await elections.OpenFirstLayerAsync(communityId, groupId, Settings(request), cancellationToken);
        return TypedResults.Created($"/api/communities/{communityId}/groups/{groupId}", opened.Select(Summary).ToList());
    }

    /// <summary>Opens layer 2.</summary>
    public static async Task<Created<ElectionSummary>> OpenSecondLayerAsync(Guid communityId, Guid groupId, OpenElectionRequest request,
        ElectionStore elections, CancellationToken cancellationToken)
    {
        var opened = await elections.OpenSecondLayerAsync(communityId, groupId, Settings(request), cancellationToken);
        return TypedResults.Created($"/api/communities/{communityId}/elections/{opened.Id}", Summary(opened));
    }

    /// <summary>Gets an election.</summary>
    public static async Task<Ok<ElectionView>> GetElectionAsync(Guid communityId, Guid electionId, ElectionStore elections, CancellationToken cancellationToken) =>
        TypedResults.Ok(View(await elections.GetAsync(communityId, electionId, cancellationToken)));

    /// <summary>Nominates a candidate.</summary>
    public static async Task<Created<CandidateView>> NominateAsync(Guid communityId, Guid electionId, NominateRequest request, ElectionStore elections,
        CancellationToken cancellationToken)
    {
        var entry = await elections.NominateAsync(communityId, electionId, request.PersonId, request.NominatedByPersonId, cancellationToken);
        return TypedResults.Created($"/api/communities/{communityId}/elections/{electionId}", View(entry));
    }

    /// <summary>Closes nominations and sends the ballots; the case's workflow (once the layer's last nominations closed) goes on at once.</summary>
    public static async Task<Ok<ElectionView>> CloseNominationsAsync(Guid communityId, Guid electionId, ElectionStore elections, WorkflowRuntime runtime,
        CancellationToken cancellationToken)
    {
        var closed = await elections.CloseNominationsAsync(communityId, electionId, cancellationToken);
        await DeliverAsync(communityId, electionId, elections, runtime, cancellationToken);
        return TypedResults.Ok(View(closed));
    }

    /// <summary>Closes the ballot early; the case's workflow (once the layer's last ballot closed) counts at once.</summary>
    public static async Task<Ok<ElectionView>> CloseBallotAsync(Guid communityId, Guid electionId, ElectionStore elections, WorkflowRuntime runtime,
        CancellationToken cancellationToken)
    {
        var closed = await elections.CloseBallotAsync(communityId, electionId, cancellationToken);
        await DeliverAsync(communityId, electionId, elections, runtime, cancellationToken);
        return TypedResults.Ok(View(closed));
    }

    /// <summary>
    /// Hands the signals a staff action queued to the case's workflow; one busy with another step, or not yet waiting for
    /// them, takes them when it gets there (the timer pump's sweep delivers them).
    /// </summary>
    private static async Task DeliverAsync(Guid communityId, Guid electionId, ElectionStore elections, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        if (await elections.InstanceOfAsync(communityId, electionId, cancellationToken) is not { } instanceId) return;
        try
        {
            await runtime.DeliverQueuedSignalsAsync(instanceId, cancellationToken);
        }
        catch (WorkflowException ex) when (ex.Code is "instance-busy")
        {
            // The signal is committed and stays queued: the timer pump's sweep delivers it.
        }
    }

    /// <summary>Reminds non-voters.</summary>
    public static async Task<Ok<ReminderResult>> RemindAsync(Guid communityId, Guid electionId, ElectionStore elections, CancellationToken cancellationToken) =>
        TypedResults.Ok(await elections.RemindAsync(communityId, electionId, cancellationToken));

    /// <summary>Counts.</summary>
    public static async Task<Ok<ElectionView>> CountAsync(Guid communityId, Guid electionId, ElectionStore elections, CancellationToken cancellationToken) =>
        TypedResults.Ok(View(await elections.CountAsync(communityId, electionId, cancellationToken)));

    /// <summary>
    /// Decides a tie (the store queues <c>tie-decided</c> for the case's workflow in the same transaction), then delivers the
    /// signal: a workflow busy with another step, or not yet waiting for the decision, takes it when it gets there.
    /// </summary>
    public static async Task<Ok<ElectionView>> DecideTieAsync(Guid communityId, Guid electionId, TieDecisionRequest request, ElectionStore elections,
        WorkflowRuntime runtime, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var decidedBy = CommunityAccess.UserId(user) ?? throw new WorkflowException(WorkflowErrorKind.Invalid, "invalid-input", "Sign in to decide a tie.");
        var decided = await elections.DecideTieAsync(communityId, electionId, request.Order, request.Reason, decidedBy, cancellationToken);
        await DeliverAsync(communityId, electionId, elections, runtime, cancellationToken);
        return TypedResults.Ok(View(decided));
    }

    /// <summary>Adds a party or advisor.</summary>
    public static async Task<Created<PanelMemberView>> AddPanelMemberAsync(Guid communityId, Guid caseId, AddPanelMemberRequest request, StakeholderStore store,
        CancellationToken cancellationToken)
    {
        var entry = await store.AddToPanelAsync(communityId, caseId, request.PersonId, request.Role, request.PartyKind, request.Votes, cancellationToken);
        return TypedResults.Created($"/api/communities/{communityId}/cases/{caseId}/panel", View(entry));
    }

    /// <summary>Adds an organisation's representative as a party.</summary>
    public static async Task<Created<PanelMemberView>> AddOrganisationToPanelAsync(Guid communityId, Guid caseId, AddOrganisationToPanelRequest request,
        StakeholderStore store, CancellationToken cancellationToken)
    {
        var entry = await store.AddOrganisationToPanelAsync(communityId, caseId, request.OrganisationId, request.Votes, cancellationToken);
        return TypedResults.Created($"/api/communities/{communityId}/cases/{caseId}/panel", View(entry));
    }

    /// <summary>Gets the panel.</summary>
    public static async Task<Ok<PanelView>> GetPanelAsync(Guid communityId, Guid caseId, StakeholderStore store, CancellationToken cancellationToken)
    {
        var members = await store.GetPanelAsync(communityId, caseId, cancellationToken);
        return TypedResults.Ok(new PanelView(caseId,
            members.Where(m => m.Member.LeftAt is null).Select(View).ToList(),
            members.Where(m => m.Member.LeftAt is not null).Select(View).ToList()));
    }

    /// <summary>Records a member dropping out.</summary>
    public static async Task<Ok<DropOutView>> DropOutAsync(Guid communityId, Guid memberId, DropOutRequest request, StakeholderStore store,
        CancellationToken cancellationToken)
    {
        var result = await store.DropOutAsync(communityId, memberId, request.Reason, cancellationToken);
        return TypedResults.Ok(new DropOutView(View(result.Left), result.Replacement is null ? null : View(result.Replacement)));
    }

    private static ElectionSettings Settings(OpenElectionRequest request)
    {
        TimeSpan? reminder = null;
        if (!string.IsNullOrWhiteSpace(request.ReminderBefore))
        {
            if (!Durations.TryParse(request.ReminderBefore, out var parsed))
                throw new WorkflowException(WorkflowErrorKind.Invalid, "invalid-input", "The election settings are invalid; nothing was opened.")
                {
                    FieldErrors = new Dictionary<string, FieldError[]> { ["reminderBefore"] = [ApiFields.Duration.Error()] },
                };
            reminder = parsed;
        }
        return new ElectionSettings(request.Seats, request.NominationsCloseAt, request.BallotClosesAt, reminder, request.TieRule, request.CountingMethod,
            request.SeatsByBuildingGroup);
    }

    private static CaseView View(CaseSnapshot s) => new(s.Case.Id, s.Case.CommunityId, s.Case.ComplaintId, s.Case.CaseNumber, s.Case.Title,
        s.Case.AdvisorsMayVote, s.Case.CreatedAt, s.Groups.Select(g => new GroupSummary(g.Id, g.Name, g.Kind, g.Mode, g.HouseholdCount)).ToList(), s.Case.StakeholderMode, s.Case.ClosedAt);

    private static GroupView View(GroupSnapshot s) => new(s.Group.Id, s.Group.CaseId, s.Group.Name, s.Group.Kind, s.Group.SourceId, s.Group.Mode,
        s.Group.HouseholdCount, s.HouseholdsWithoutRepresentative, s.BuildingGroupIds, s.Elections.Select(Summary).ToList());

    private static ElectionSummary Summary(Election e) => new(e.Id, e.Layer, e.BuildingGroupId, e.ElectsRepresentatives, e.Status, e.Entrance);

    private static CandidateView View(CandidateEntry c) => new(c.Candidate.Id, c.Candidate.PersonId, c.Name, c.Candidate.NominationKind,
        c.Candidate.NominatedByPersonId, c.Candidate.Position, c.Candidate.Votes, c.Candidate.Rank, c.Candidate.Elected);

    private static ElectionView View(ElectionSnapshot s)
    {
        var e = s.Election;
        IReadOnlyList<Guid> tied = [];
        if (e.Status == ElectionStatuses.Tied && s.Candidates.FirstOrDefault(c => c.Candidate.Rank == e.Seats) is { } last)
            tied = s.Candidates.Where(c => c.Candidate.Votes == last.Candidate.Votes).Select(c => c.Candidate.Id).ToList();
        return new ElectionView(e.Id, e.CaseId, e.GroupId, e.Layer, e.BuildingGroupId, e.ElectsRepresentatives, e.Seats, e.CountingMethod,
            CountingMethods.Describe(e.CountingMethod, e.Layer, e.Seats), e.TieRule, e.NominationsOpenAt, e.NominationsCloseAt, e.BallotClosesAt, e.ReminderBefore,
            e.ReminderAt, e.Status, e.BallotsOpenedAt, e.BallotsIssued, e.BallotsCast, e.CountedAt, e.LotsSeed, e.TieDecisionReason,
            e.TieDecidedByUserId, e.TieDecidedAt, tied, s.Candidates.Select(View).ToList(),
            s.Ballots.Select(b => new BallotView(b.Ballot.TaskId, b.Ballot.PersonId, b.VoterName, b.Ballot.HouseholdId, b.Ballot.Emailed, b.Voted, b.Channel,
                b.Ballot.RemindedAt, b.Ballot.ReminderCount)).ToList(),
            s.Invitations.Select(i => new NominationInvitationView(i.Invitation.TaskId, i.Invitation.PersonId, i.VoterName, i.Invitation.Emailed,
                i.Channel is not null, i.Channel)).ToList(), e.Entrance);
    }

    private static PanelMemberView View(PanelEntry p) => new(p.Member.Id, p.Member.PersonId, p.Name, p.Member.Role, p.Member.PartyKind, p.Member.Votes,
        p.Member.Source, p.Member.GroupId, p.Member.ElectionId, p.Member.JoinedAt, p.Member.LeftAt is null, p.Member.LeftAt, p.Member.LeftReason,
        p.Member.ReplacedById, p.Member.ReplacesId, p.Member.OrganisationId, p.Member.OrganisationName);
}
