using System.Security.Claims;
using Deliberation.Civic.Minutes;
using Deliberation.Engine.Runtime;
using Deliberation.Host.Auth;
using Deliberation.Persistence.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Deliberation.Host.Api;

/// <summary>
/// Minutes confirmation (纪要确认) for staff: the draft out with the participants, who answered how, each objection with
/// a way to accept it (change the section) or answer it, every change recorded; and the sealed PDF.
/// </summary>
public static class MinutesApi
{
    /// <summary>An answer to an objection: why the section stands.</summary>
    public sealed record AnswerRequest(string? Response);

    /// <summary>Accepts an objection: the section's new text, and an optional word to the participant.</summary>
    public sealed record AcceptRequest(string? Text, string? Response);

    /// <summary>A section's new text.</summary>
    public sealed record SectionRequest(string? Text);

    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapMinutesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/communities/{communityId:guid}").WithTags("Minutes")
            .RequireAuthorization(AuthRoles.StaffPolicy).RequireCommunityScope();
        api.MapGet("/meetings/{meetingId:guid}/minutes-confirmation", GetAsync)
            .WithSummary("The meeting's minutes confirmation: the draft and its sections, each participant's answer, the objections, the changes, the sealed record.");
        api.MapPost("/minutes-drafts/{draftId:guid}/objections/{objectionId:guid}/answer", AnswerAsync)
            .WithSummary("Answers an objection without changing the minutes; the participant is emailed the answer.");
        api.MapPost("/minutes-drafts/{draftId:guid}/objections/{objectionId:guid}/accept", AcceptAsync)
            .WithSummary("Accepts an objection: its section takes the new text (recorded with who and when); the participant is emailed.");
        api.MapPut("/minutes-drafts/{draftId:guid}/sections/{index:int}", EditAsync)
            .WithSummary("Changes a section of the draft minutes (recorded with who, when, before and after); refused once sealed.");
        api.MapGet("/minutes-drafts/{draftId:guid}/pdf", PdfAsync)
            .WithSummary("The sealed minutes' PDF from the archive, served only when its SHA-256 matches the record (409 otherwise).");
        return app;
    }

    /// <summary>The confirmation of a meeting's minutes.</summary>
    public static async Task<Ok<MinutesConfirmationView>> GetAsync(Guid communityId, Guid meetingId, MinutesConfirmation store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.GetAsync(communityId, meetingId, cancellationToken));

    /// <summary>Answers an objection.</summary>
    public static async Task<Ok<MinutesConfirmationView>> AnswerAsync(Guid communityId, Guid draftId, Guid objectionId, AnswerRequest request,
        MinutesConfirmation store, UserManager<StaffUser> users, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.AnswerObjectionAsync(communityId, draftId, objectionId, request.Response, await ActorAsync(users, user), cancellationToken));

    /// <summary>Accepts an objection, changing its section.</summary>
    public static async Task<Ok<MinutesConfirmationView>> AcceptAsync(Guid communityId, Guid draftId, Guid objectionId, AcceptRequest request,
        MinutesConfirmation store, UserManager<StaffUser> users, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.AcceptObjectionAsync(communityId, draftId, objectionId, request.Text, request.Response, await ActorAsync(users, user),
            cancellationToken));

    /// <summary>Changes a section.</summary>
    public static async Task<Ok<MinutesConfirmationView>> EditAsync(Guid communityId, Guid draftId, int index, SectionRequest request,
        MinutesConfirmation store, UserManager<StaffUser> users, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.EditSectionAsync(communityId, draftId, index, request.Text, await ActorAsync(users, user), cancellationToken));

    /// <summary>The sealed PDF.</summary>
    public static async Task<FileContentHttpResult> PdfAsync(Guid communityId, Guid draftId, MinutesConfirmation store, CancellationToken cancellationToken)
    {
        var (content, name) = await store.ReadPdfAsync(communityId, draftId, cancellationToken);
        return TypedResults.File(content, "application/pdf", name);
    }

    /// <summary>Who makes the change: the signed-in account, never a value the client chooses.</summary>
    private static async Task<StaffActor> ActorAsync(UserManager<StaffUser> users, ClaimsPrincipal user)
    {
        var id = CommunityAccess.UserId(user) ?? throw new WorkflowException(WorkflowErrorKind.Invalid, "invalid-input", "Sign in to change minutes.");
        var account = await users.FindByIdAsync(id.ToString());
        return new StaffActor(id, account?.DisplayName is { Length: > 0 } name ? name : account?.Email ?? id.ToString());
    }
}
