using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Deliberation.Civic.Decisions;
using Deliberation.Civic.Meetings;
using Deliberation.Civic.Minutes;
using Deliberation.Engine.Runtime;
using Deliberation.Host.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Deliberation.Host.Api;

/// <summary>
/// Steps 3–4 of 烦事有计倾 for staff: a case's rules of procedure (议事规则), planning a meeting (the workflow then
/// polls the time and sends invitations), and meeting mode — attendance, proposals, points, votes with a live
/// tally, resolutions — and closing the meeting, after which the workflow files the minutes.
/// </summary>
public static class MeetingsApi
{
    /// <summary>A rules template as the API lists it.</summary>
    public sealed record RulesTemplateView(string Code, string NameZh, string NameEn, RulesDocument Rules, string FormulaZh, string FormulaEn);

    /// <summary>A proposal written down at the meeting.</summary>
    public sealed record ProposalRequest(string? Title, string? Body, Guid? PersonId);

    /// <summary>A point raised.</summary>
    public sealed record PointRequest(string? Text, Guid? PersonId);

    /// <summary>A resolution.</summary>
    /// <param name="Text">What was resolved, at most 2000 characters.</param>
    /// <param name="OrganisationIds">
    /// The organisations of the community's directory party to it, in order (refused with <c>organisation-unknown</c> at
    /// <c>organisationIds</c> outside it); omitted, the organisations seated on the case's panel; empty, none.
    /// </param>
    public sealed record ResolutionRequest(string? Text, IReadOnlyList<Guid>? OrganisationIds = null);

    /// <summary>Opens a vote.</summary>
    public sealed record VoteRequest(string? Question, Guid? ProposalId);

    /// <summary>Attendance lines.</summary>
    public sealed record AttendanceRequest(IReadOnlyList<AttendanceEntry>? Entries);

    /// <summary>Closes a meeting, naming the chair and recorder when not given at planning.</summary>
    public sealed record CloseRequest(string? Chair, string? Recorder);

    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapMeetingsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/rules-templates", Templates).WithTags("Meetings").RequireAuthorization(AuthRoles.StaffPolicy).ScopedBy(ScopeKind.NotCommunityData)
            .WithSummary("Lists the rules-of-procedure templates with their decision formulas.");
        var api = app.MapGroup("/api/communities/{communityId:guid}").WithTags("Meetings")
            .RequireAuthorization(AuthRoles.StaffPolicy).RequireCommunityScope();
        api.MapGet("/cases/{caseId:guid}/rules", GetRulesAsync).WithSummary("Gets the case's rules of procedure (the residents' council template until set).");
        api.MapPut("/cases/{caseId:guid}/rules", SetRulesAsync).WithSummary("Sets the case's rules of procedure from a template and edits; refused while a vote is open.");
        api.MapPost("/cases/{caseId:guid}/meetings", PlanAsync)
            .WithSummary("Plans the case's next meeting with 2–5 candidate times; the workflow (waiting at the convene step) sends the time poll.");
        api.MapGet("/cases/{caseId:guid}/meetings/suggestion", SuggestAsync)
            .WithSummary("What the plan form starts from: the agenda the case's workflow proposes in its variable `agenda` (e.g. from the needs list).");
        api.MapGet("/cases/{caseId:guid}/meetings", ListAsync).WithSummary("Lists the case's meetings, latest round first.");
        api.MapGet("/meetings/upcoming", UpcomingAsync).WithSummary("Lists the community's scheduled meetings, soonest first.");
        api.MapGet("/meetings/{meetingId:guid}", GetAsync)
            .WithSummary("Meeting mode: slots with poll counts, RSVPs, attendance, proposals (also those sent by link), points, votes with live tallies, resolutions, minutes.");
        api.MapGet("/meetings/{meetingId:guid}/live", LiveAsync)
            .WithSummary("Meeting mode's view as server-sent events (event \"meeting\"): sent at once, then whenever it changes on any host (attendance, link votes, RSVPs, proposals).");
        api.MapPut("/meetings/{meetingId:guid}/attendance", AttendanceAsync).WithSummary("Records who is present and who is absent.");
        api.MapPost("/meetings/{meetingId:guid}/proposals", AddProposalAsync).WithSummary("Writes down a proposal made at the meeting.");
        api.MapPost("/meetings/{meetingId:guid}/proposals/{proposalId:guid}/discussed", DiscussedAsync).WithSummary("Marks a proposal as discussed.");
        api.MapPost("/meetings/{meetingId:guid}/points", AddPointAsync).WithSummary("Writes down a point raised.");
        api.MapPost("/meetings/{meetingId:guid}/resolutions", AddResolutionAsync)
            .WithSummary("Writes down a resolution with the organisations of the directory party to it (by default those seated on the panel).");
        api.MapPut("/meetings/{meetingId:guid}/resolutions/{resolutionId:guid}", UpdateResolutionAsync)
            .WithSummary("Changes a resolution's text and the organisations party to it while the meeting is under way.");
        api.MapPost("/meetings/{meetingId:guid}/votes", OpenVoteAsync)
            .WithSummary("Opens a vote under the case's rules; absent voters get a link to vote while it is open when the rules allow.");
        api.MapPost("/meetings/{meetingId:guid}/votes/{voteId:guid}/ballots", BallotAsync)
            .WithSummary("Records (or changes) a voter's choice — yes, no, abstain; block or stand-aside under consent — with the reason.");
        api.MapPost("/meetings/{meetingId:guid}/votes/{voteId:guid}/close", CloseVoteAsync)
            .WithSummary("Closes and counts the vote (link votes included) and tells the workflow.");
        api.MapPost("/meetings/{meetingId:guid}/close-poll", ClosePollAsync)
            .WithSummary("Closes the time poll before its deadline; the workflow schedules the meeting from the answers given.");
        api.MapPost("/meetings/{meetingId:guid}/close", CloseAsync).WithSummary("Closes the meeting after its votes; the workflow files the minutes.");
        api.MapGet("/minutes/{minutesId:guid}/markdown", MinutesMarkdownAsync)
            .WithSummary("The filed minutes' Markdown from the archive, served only when its SHA-256 matches the record (409 otherwise).");
        api.MapGet("/minutes/{minutesId:guid}/docx", MinutesDocxAsync)
            .WithSummary("The filed minutes' .docx from the archive, served only when its SHA-256 matches the record (409 otherwise).");
        return app;
    }

    /// <summary>Lists the templates.</summary>
    public static Ok<List<RulesTemplateView>> Templates() => TypedResults.Ok(RulesTemplates.All.Select(t => new RulesTemplateView(t.Code, t.NameZh, t.NameEn,
        RulesDocument.From(t), Formula(t.Rules, zh: true), Formula(t.Rules, zh: false))).ToList());

    /// <summary>The decision formula of rules, as the README states it.</summary>
    public static string Formula(RulesOfProcedure rules, bool zh)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var quorum = zh ? $"到会表决人达到应参加表决人数的 {rules.Quorum}（列席人员不计）" : $"voters present ≥ {rules.Quorum} of eligible voters (advisors not counted)";
        var rule = rules.Rule switch
        {
            DecisionRules.Consensus => zh ? "无人反对且至少一人赞成" : "no \"no\" votes and at least one \"yes\"",
            DecisionRules.Consent => zh ? "无人阻止（保留意见记录在案）" : "no blocking objection (stand-asides recorded)",
            DecisionRules.SimpleMajority => zh ? "赞成票 > 1/2 × 投票数（投票数 = 赞成 + 反对，弃权计入到会不计入投票）" : "yes > 1/2 × votes cast (yes + no; abstentions are present but not cast)",
            DecisionRules.TwoThirds => zh ? "赞成票 ≥ 2/3 × 投票数（投票数 = 赞成 + 反对，弃权计入到会不计入投票）" : "yes ≥ 2/3 × votes cast (yes + no; abstentions are present but not cast)",
            _ => rules.Article278Matter == Article278Matters.Items6To8
                ? zh ? "参与表决：专有面积 ≥ 2/3 且人数 ≥ 2/3；同意：参与表决面积 ≥ 3/4 且人数 ≥ 3/4（民法典第二百七十八条第六至八项）"
                     : "taking part: ≥ 2/3 of the area and ≥ 2/3 of the owners; approval: ≥ 3/4 of the participating area and owners (Art. 278, items 6–8)"
                : zh ? "参与表决：专有面积 ≥ 2/3 且人数 ≥ 2/3；同意：参与表决面积 > 1/2 且人数 > 1/2（民法典第二百七十八条其他事项）"
                     : "taking part: ≥ 2/3 of the area and ≥ 2/3 of the owners; approval: > 1/2 of the participating area and owners (Art. 278, other matters)",
        };
        return rules.IsCoOwners ? rule : zh ? $"{quorum}；{rule}" : $"{quorum}; {rule}";
    }

    /// <summary>Gets a case's rules.</summary>
    public static async Task<Ok<RulesDocument>> GetRulesAsync(Guid communityId, Guid caseId, MeetingPlanning store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.GetRulesAsync(communityId, caseId, cancellationToken));

    /// <summary>Sets a case's rules.</summary>
    public static async Task<Ok<RulesDocument>> SetRulesAsync(Guid communityId, Guid caseId, RulesDocument request, MeetingPlanning store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.SetRulesAsync(communityId, caseId, request, cancellationToken));

    /// <summary>Plans a meeting.</summary>
    public static async Task<Created<Meeting>> PlanAsync(Guid communityId, Guid caseId, MeetingPlan request, MeetingPlanning store, CancellationToken cancellationToken)
    {
        var meeting = await store.PlanAsync(communityId, caseId, request, cancellationToken);
        return TypedResults.Created($"/api/communities/{communityId}/meetings/{meeting.Id}", meeting);
    }

    /// <summary>What the plan form starts from.</summary>
    public static async Task<Ok<MeetingSuggestion>> SuggestAsync(Guid communityId, Guid caseId, MeetingPlanning store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.SuggestAsync(communityId, caseId, cancellationToken));

    /// <summary>Lists a case's meetings.</summary>
    public static async Task<Ok<IReadOnlyList<Meeting>>> ListAsync(Guid communityId, Guid caseId, MeetingPlanning store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ListAsync(communityId, caseId, cancellationToken));

    /// <summary>Lists upcoming meetings.</summary>
    public static async Task<Ok<IReadOnlyList<Meeting>>> UpcomingAsync(Guid communityId, MeetingPlanning store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.UpcomingAsync(communityId, cancellationToken));

    /// <summary>Meeting mode's view.</summary>
    public static async Task<Ok<MeetingView>> GetAsync(Guid communityId, Guid meetingId, MeetingMode store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.GetAsync(communityId, meetingId, cancellationToken));

    /// <summary>How often the live view looks for a change: it reads the database, so a change made on another host is seen too.</summary>
    public static readonly TimeSpan LiveInterval = TimeSpan.FromSeconds(1.5);

    /// <summary>
    /// Meeting mode, live: the view as an event at once, then again each time it differs from the last one sent. An
    /// unknown meeting is refused (404) before the stream starts.
    /// </summary>
    public static async Task<ServerSentEventsResult<string>> LiveAsync(Guid communityId, Guid meetingId, MeetingMode store, TimeProvider time,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken cancellationToken)
    {
        var first = await store.GetAsync(communityId, meetingId, cancellationToken);
        return TypedResults.ServerSentEvents(Changes(first, communityId, meetingId, store, time, json.Value.SerializerOptions, cancellationToken), "meeting");
    }

    private static async IAsyncEnumerable<string> Changes(MeetingView first, Guid communityId, Guid meetingId, MeetingMode store, TimeProvider time,
        JsonSerializerOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var view = first;
        string? sent = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            var text = JsonSerializer.Serialize(view, options);
            var stamp = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
            if (stamp != sent)
            {
                sent = stamp;
                yield return text;
            }
            await Task.Delay(LiveInterval, time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (cancellationToken.IsCancellationRequested) yield break;
            view = await store.GetAsync(communityId, meetingId, cancellationToken);
        }
    }

    /// <summary>Records attendance.</summary>
    public static async Task<Ok<MeetingView>> AttendanceAsync(Guid communityId, Guid meetingId, AttendanceRequest request, MeetingMode store,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.RecordAttendanceAsync(communityId, meetingId, request.Entries, cancellationToken));

    /// <summary>Adds a proposal.</summary>
    public static async Task<Ok<Proposal>> AddProposalAsync(Guid communityId, Guid meetingId, ProposalRequest request, MeetingMode store,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.AddProposalAsync(communityId, meetingId, request.Title, request.Body, request.PersonId, cancellationToken));

    /// <summary>Marks a proposal discussed.</summary>
    public static async Task<Ok<Proposal>> DiscussedAsync(Guid communityId, Guid meetingId, Guid proposalId, MeetingMode store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.MarkDiscussedAsync(communityId, meetingId, proposalId, cancellationToken));

    /// <summary>Adds a point.</summary>
    public static async Task<Ok<MeetingPoint>> AddPointAsync(Guid communityId, Guid meetingId, PointRequest request, MeetingMode store,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.AddPointAsync(communityId, meetingId, request.Text, request.PersonId, cancellationToken));

    /// <summary>Adds a resolution.</summary>
    public static async Task<Ok<ResolutionView>> AddResolutionAsync(Guid communityId, Guid meetingId, ResolutionRequest request, MeetingMode store,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.AddResolutionAsync(communityId, meetingId, request.Text, request.OrganisationIds, cancellationToken));

    /// <summary>Changes a resolution.</summary>
    public static async Task<Ok<ResolutionView>> UpdateResolutionAsync(Guid communityId, Guid meetingId, Guid resolutionId, ResolutionRequest request, MeetingMode store,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.UpdateResolutionAsync(communityId, meetingId, resolutionId, request.Text, request.OrganisationIds, cancellationToken));

    /// <summary>Opens a vote.</summary>
    public static async Task<Ok<VoteView>> OpenVoteAsync(Guid communityId, Guid meetingId, VoteRequest request, MeetingVotes store,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.OpenVoteAsync(communityId, meetingId, request.Question, request.ProposalId, cancellationToken));

    /// <summary>Records a ballot.</summary>
    public static async Task<Ok<VoteView>> BallotAsync(Guid communityId, Guid meetingId, Guid voteId, BallotEntry request, MeetingVotes store,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.RecordBallotAsync(communityId, meetingId, voteId, request, "meeting", cancellationToken));

    /// <summary>Closes a vote.</summary>
    public static async Task<Ok<VoteView>> CloseVoteAsync(Guid communityId, Guid meetingId, Guid voteId, MeetingVotes store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.CloseVoteAsync(communityId, meetingId, voteId, cancellationToken));

    /// <summary>Closes the time poll early.</summary>
    public static async Task<Ok<Meeting>> ClosePollAsync(Guid communityId, Guid meetingId, MeetingPlanning store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ClosePollAsync(communityId, meetingId, cancellationToken));

    /// <summary>Closes the meeting.</summary>
    public static async Task<Ok<Meeting>> CloseAsync(Guid communityId, Guid meetingId, CloseRequest? request, MeetingMode store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.CloseAsync(communityId, meetingId, request?.Chair, request?.Recorder, cancellationToken));

    /// <summary>The filed Markdown of minutes.</summary>
    public static async Task<FileContentHttpResult> MinutesMarkdownAsync(Guid communityId, Guid minutesId, MeetingMode store, MinutesArchive archive,
        CancellationToken cancellationToken)
    {
        var record = await store.GetMinutesAsync(communityId, minutesId, cancellationToken);
        var bytes = await archive.ReadAsync(record.MarkdownPath, record.MarkdownSha256, cancellationToken);
        return TypedResults.File(bytes, "text/markdown; charset=utf-8", Path.GetFileName(record.MarkdownPath));
    }

    /// <summary>The filed .docx of minutes.</summary>
    public static async Task<FileContentHttpResult> MinutesDocxAsync(Guid communityId, Guid minutesId, MeetingMode store, MinutesArchive archive,
        CancellationToken cancellationToken)
    {
        var record = await store.GetMinutesAsync(communityId, minutesId, cancellationToken);
        var bytes = await archive.ReadAsync(record.DocxPath, record.DocxSha256, cancellationToken);
        return TypedResults.File(bytes, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Path.GetFileName(record.DocxPath));
    }
}
