using Deliberation.Civic.Decisions;
using Deliberation.Civic.Elections;
using Deliberation.Civic.Issues;
using Deliberation.Host.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Deliberation.Host.Api;

/// <summary>
/// Each community's deliberation matters catalogue (协商事项指导目录): the kinds of matter complaints are logged as, and for
/// each the workflow intake proposes, the professional advisors the panel needs and the rules of procedure to start with;
/// and what intake proposes for launching a deliberation from one complaint.
/// </summary>
public static class CatalogueApi
{
    /// <summary>A kind of matter as staff write it.</summary>
    /// <param name="Code">A stable code, e.g. <c>maintenance-fund</c>; complaints name it.</param>
    /// <param name="Zh">Its Chinese name.</param>
    /// <param name="En">Its English name.</param>
    /// <param name="DefinitionId">The published workflow to launch for it, or null for the default (烦事有计倾).</param>
    /// <param name="Advisors">The advisor kinds the panel needs: <c>lawyer</c>, <c>accountant</c>.</param>
    /// <param name="RulesTemplate">The rules-of-procedure template a case starts with (<c>GET /api/rules-templates</c>), or null.</param>
    public sealed record MatterRequest(string? Code, string? Zh, string? En, string? DefinitionId, List<string?>? Advisors, string? RulesTemplate);

    /// <summary>The whole catalogue, in order; it replaces the community's.</summary>
    public sealed record CatalogueRequest(List<MatterRequest?>? Matters);

    /// <summary>A kind of matter.</summary>
    /// <param name="Code">The code.</param>
    /// <param name="Zh">The Chinese name.</param>
    /// <param name="En">The English name.</param>
    /// <param name="DefinitionId">The workflow intake proposes, or null for the default.</param>
    /// <param name="Advisors">The advisor kinds required.</param>
    /// <param name="RulesTemplate">The rules template a case starts with, or null.</param>
    /// <param name="DecisionRule">That template's decision rule (<c>simple-majority</c>, <c>co-owners-art278</c>…), or null.</param>
    /// <param name="Complaints">How many of the community's complaints are of this kind (such a kind cannot be removed).</param>
    public sealed record MatterView(string Code, string Zh, string En, string? DefinitionId, IReadOnlyList<string> Advisors, string? RulesTemplate,
        string? DecisionRule, int Complaints);

    /// <summary>The community's catalogue.</summary>
    /// <param name="Own">Whether the community saved its own (false: it reads the configured one).</param>
    /// <param name="Matters">The kinds of matter in order.</param>
    public sealed record CatalogueView(bool Own, IReadOnlyList<MatterView> Matters);

    /// <summary>What launching from a complaint proposes.</summary>
    /// <param name="ComplaintId">The complaint.</param>
    /// <param name="CategoryCode">Its kind.</param>
    /// <param name="Matter">Its kind in the catalogue, or null when the code left it.</param>
    /// <param name="DefinitionId">The workflow to launch.</param>
    /// <param name="FromCatalogue">Whether the catalogue named it (false: the default workflow).</param>
    /// <param name="RulesTemplate">The rules template the case starts with, or null.</param>
    /// <param name="Advisors">The advisors the kind requires, with the candidates of the roster.</param>
    public sealed record ProposalView(Guid ComplaintId, string CategoryCode, MatterView? Matter, string DefinitionId, bool FromCatalogue, string? RulesTemplate,
        IReadOnlyList<AdvisorView> Advisors);

    /// <summary>An advisor the kind requires.</summary>
    /// <param name="Kind">The advisor kind.</param>
    /// <param name="KindName">It in Chinese, e.g. 律师.</param>
    /// <param name="Candidates">People of the roster with that role, by name.</param>
    /// <param name="ProposedPersonId">Who launching seats unless staff choose otherwise; null when nobody can (warn staff).</param>
    public sealed record AdvisorView(string Kind, string KindName, IReadOnlyList<AdvisorCandidate> Candidates, Guid? ProposedPersonId);

    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapCatalogueApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/communities/{communityId:guid}").WithTags("Complaints").RequireCommunityScope();
        // Building heads log complaints, so they read the kinds; only staff change them.
        api.MapGet("/catalogue", GetAsync).RequireAuthorization(AuthRoles.CommunityPolicy)
            .WithSummary("The community's deliberation matters catalogue (协商事项指导目录): each kind with its workflow, required advisors and rules template.");
        api.MapPut("/catalogue", ReplaceAsync).RequireAuthorization(AuthRoles.StaffPolicy)
            .WithSummary($"Replaces the community's catalogue (at most {CatalogueStore.MaxMatters} kinds, in order); a kind some complaint is of cannot be left out.");
        api.MapGet("/complaints/{id:guid}/launch-proposal", ProposeAsync).RequireAuthorization(AuthRoles.StaffPolicy)
            .WithSummary("What launching a deliberation from the complaint proposes: the workflow its kind names and the advisors it requires, with candidates from the roster.");
        return app;
    }

    /// <summary>Gets the catalogue.</summary>
    public static async Task<Ok<CatalogueView>> GetAsync(Guid communityId, CatalogueStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(View(await store.GetAsync(communityId, cancellationToken)));

    /// <summary>Replaces the catalogue.</summary>
    public static async Task<Ok<CatalogueView>> ReplaceAsync(Guid communityId, CatalogueRequest request, CatalogueStore store, CancellationToken cancellationToken)
    {
        var matters = request.Matters?.Select(m => m is null ? null : new DeliberationMatter
        {
            Code = m.Code ?? "", Zh = m.Zh ?? "", En = m.En ?? "", DefinitionId = m.DefinitionId, RulesTemplate = m.RulesTemplate,
            Advisors = [.. (m.Advisors ?? []).Select(a => a ?? "")],
        }).ToList();
        return TypedResults.Ok(View(await store.ReplaceAsync(communityId, matters, cancellationToken)));
    }

    /// <summary>Proposes how to launch from a complaint.</summary>
    public static async Task<Ok<ProposalView>> ProposeAsync(Guid communityId, Guid id, ComplaintStore complaints, CatalogueStore catalogues,
        CancellationToken cancellationToken)
    {
        var proposal = await complaints.ProposeLaunchAsync(communityId, id, cancellationToken);
        var counts = proposal.Matter is null ? null : (await catalogues.GetAsync(communityId, cancellationToken)).Complaints;
        return TypedResults.Ok(new ProposalView(proposal.ComplaintId, proposal.CategoryCode,
            proposal.Matter is null ? null : View(proposal.Matter, counts!), proposal.DefinitionId, proposal.FromCatalogue, proposal.RulesTemplate,
            proposal.Advisors.Select(a => new AdvisorView(a.Kind, PartyKinds.ChineseName(a.Kind), a.Candidates, a.Proposed?.PersonId)).ToList()));
    }

    private static CatalogueView View(CommunityCatalogue catalogue) => new(catalogue.Own, catalogue.Matters.Select(m => View(m, catalogue.Complaints)).ToList());

    private static MatterView View(DeliberationMatter m, IReadOnlyDictionary<string, int> complaints) =>
        new(m.Code, m.Zh, m.En, m.DefinitionId, m.Advisors, m.RulesTemplate, m.RulesTemplate is { } t ? RulesTemplates.Find(t)?.Rules.Rule : null,
            complaints.GetValueOrDefault(m.Code));
}
