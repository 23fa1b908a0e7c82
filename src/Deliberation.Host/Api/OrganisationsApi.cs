using Deliberation.Civic.Communities;
using Deliberation.Civic.Elections;
using Deliberation.Civic.Organisations;
using Deliberation.Engine.Runtime;
using Deliberation.Host.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Deliberation.Host.Api;

/// <summary>
/// The community's directory of organisations (组织名录): residents' committee, grid party branch, owners' committee,
/// property company, partner units, each with its contacts and one representative.
/// </summary>
public static class OrganisationsApi
{
    /// <summary>An organisation as staff write it: everything at once, contacts included (the list replaces the old one).</summary>
    /// <param name="Name">The name, e.g. 园林物业公司.</param>
    /// <param name="Kind">A kind code from <c>GET …/organisation-kinds</c>, e.g. <c>property-company</c>, or a kind the community added.</param>
    /// <param name="Notes">Notes, or null.</param>
    /// <param name="Contacts">The contacts; exactly one is the representative when there are any.</param>
    public sealed record OrganisationRequest(string? Name, string? Kind, string? Notes, List<ContactRequest?>? Contacts);

    /// <summary>A contact as staff write it.</summary>
    /// <param name="Name">The person's name.</param>
    /// <param name="Role">Their role, e.g. 主任, 书记, 经理.</param>
    /// <param name="Email">Their email, or null.</param>
    /// <param name="Phone">Their phone, or null.</param>
    /// <param name="PersonId">The person on the community's roster, or null.</param>
    /// <param name="IsRepresentative">Whether they represent the organisation (代表).</param>
    public sealed record ContactRequest(string? Name, string? Role, string? Email, string? Phone, Guid? PersonId, bool IsRepresentative);

    /// <summary>An organisation with its contacts.</summary>
    /// <param name="Id">Id.</param>
    /// <param name="Name">The name.</param>
    /// <param name="Kind">The kind's code.</param>
    /// <param name="KindName">The kind in Chinese, e.g. 物业公司.</param>
    /// <param name="Notes">Notes, or null.</param>
    /// <param name="Contacts">The contacts in order.</param>
    /// <param name="CreatedAt">When it was added.</param>
    /// <param name="UpdatedAt">When it was last changed.</param>
    public sealed record OrganisationView(Guid Id, string Name, string Kind, string KindName, string? Notes, IReadOnlyList<ContactView> Contacts,
        DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

    /// <summary>A contact; staff see the phone in full, as they need to call.</summary>
    public sealed record ContactView(Guid Id, string Name, string? Role, string? Email, string? Phone, Guid? PersonId, bool IsRepresentative);

    /// <summary>A kind an organisation may be: its code, its Chinese name and whether the community added it.</summary>
    public sealed record OrganisationKindView(string Kind, string Name, bool Own);

    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapOrganisationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/communities/{communityId:guid}").WithTags("Organisations")
            .RequireAuthorization(AuthRoles.StaffPolicy).RequireCommunityScope();
        api.MapGet("/organisation-kinds", ListKindsAsync).WithSummary("Lists the kinds an organisation may be: the built-in ones and the kinds of party the community added.");
        api.MapGet("/organisations", ListAsync).WithSummary($"Lists the community's organisations by name with their contacts (at most {OrganisationStore.MaxListed}).");
        api.MapPost("/organisations", CreateAsync)
            .WithSummary($"Adds an organisation with its contacts (at most {OrganisationStore.MaxContacts}, exactly one the representative when there are any).");
        api.MapGet("/organisations/{organisationId:guid}", GetAsync).WithSummary("Gets an organisation with its contacts.");
        api.MapPut("/organisations/{organisationId:guid}", UpdateAsync).WithSummary("Replaces an organisation's name, kind, notes and contacts.");
        api.MapDelete("/organisations/{organisationId:guid}", DeleteAsync).WithSummary("Removes an organisation and its contacts.");
        return app;
    }

    /// <summary>Lists the kinds.</summary>
    public static async Task<Ok<List<OrganisationKindView>>> ListKindsAsync(Guid communityId, CommunityStore communities,
        CancellationToken cancellationToken)
    {
        var community = await communities.GetCommunityAsync(communityId, cancellationToken)
            ?? throw new WorkflowException(WorkflowErrorKind.NotFound, "community-not-found", $"There is no community {communityId}.");
        return TypedResults.Ok(OrganisationKinds.For(community.PartyKinds)
            .Select(k => new OrganisationKindView(k, PartyKinds.ChineseName(k), !OrganisationKinds.BuiltIn.Contains(k))).ToList());
    }

    /// <summary>Lists the organisations.</summary>
    public static async Task<Ok<List<OrganisationView>>> ListAsync(Guid communityId, OrganisationStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok((await store.ListAsync(communityId, cancellationToken)).Select(View).ToList());

    /// <summary>Gets an organisation.</summary>
    public static async Task<Ok<OrganisationView>> GetAsync(Guid communityId, Guid organisationId, OrganisationStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(View(await store.GetAsync(communityId, organisationId, cancellationToken)));

    /// <summary>Adds an organisation.</summary>
    public static async Task<Created<OrganisationView>> CreateAsync(Guid communityId, OrganisationRequest request, OrganisationStore store,
        CancellationToken cancellationToken)
    {
        var view = View(await store.CreateAsync(communityId, Draft(request), cancellationToken));
        return TypedResults.Created($"/api/communities/{communityId}/organisations/{view.Id}", view);
    }

    /// <summary>Replaces an organisation.</summary>
    public static async Task<Ok<OrganisationView>> UpdateAsync(Guid communityId, Guid organisationId, OrganisationRequest request, OrganisationStore store,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(View(await store.UpdateAsync(communityId, organisationId, Draft(request), cancellationToken)));

    /// <summary>Removes an organisation.</summary>
    public static async Task<NoContent> DeleteAsync(Guid communityId, Guid organisationId, OrganisationStore store, CancellationToken cancellationToken)
    {
        await store.DeleteAsync(communityId, organisationId, cancellationToken);
        return TypedResults.NoContent();
    }

    private static OrganisationDraft Draft(OrganisationRequest request) =>
        new(request.Name, request.Kind, request.Notes,
            request.Contacts?.Select(c => c is null ? null : new ContactDraft(c.Name, c.Role, c.Email, c.Phone, c.PersonId, c.IsRepresentative)).ToList());

    private static OrganisationView View(OrganisationEntry entry)
    {
        var o = entry.Organisation;
        return new OrganisationView(o.Id, o.Name, o.Kind, PartyKinds.ChineseName(o.Kind), o.Notes,
            entry.Contacts.Select(c => new ContactView(c.Id, c.Name, c.Role, c.Email, c.Phone, c.PersonId, c.IsRepresentative)).ToList(), o.CreatedAt, o.UpdatedAt);
    }
}
