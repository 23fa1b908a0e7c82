using System.Text;
using Deliberation.Engine.Definitions;
using Deliberation.Engine.Import;
using Deliberation.Engine.Storage;
using Deliberation.Host.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Deliberation.Host.Api;

/// <summary>
/// Importing an Elsa 3 flowchart (its JSON export) as a draft workflow: the supported part becomes a definition here,
/// saved as a draft under a free id (<c>elsa-…</c>), and the answer reports what was left out or changed.
/// </summary>
public static class ElsaImportApi
{
    /// <summary>The answer: the draft saved, and the report.</summary>
    /// <param name="Version">The draft version saved.</param>
    /// <param name="SourceName">The workflow's name in the file.</param>
    /// <param name="ActivitiesRead">Activities in the file's flowchart.</param>
    /// <param name="ActivitiesImported">Activities of the file in the draft.</param>
    /// <param name="Notes">What was left out (<c>skipped</c>) or changed, each with its code.</param>
    public sealed record ImportAnswer(WorkflowsApi.VersionSummary Version, string? SourceName, int ActivitiesRead, int ActivitiesImported, IReadOnlyList<ImportNote> Notes);

    /// <summary>Maps the route.</summary>
    public static IEndpointRouteBuilder MapElsaImportApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/workflows/import/elsa", ImportAsync).WithTags("Workflows").RequireAuthorization(AuthRoles.StaffPolicy)
            .ScopedBy(ScopeKind.BodyCommunity).Accepts<string>("application/json")
            .WithSummary("Imports an Elsa 3 flowchart export as a draft workflow of ?communityId= (or your only community; administrators naming none make a shared one), "
                + "and reports every activity and connection left out and every script rewritten.");
        return app;
    }

    /// <summary>Imports a file.</summary>
    public static async Task<Results<Ok<ImportAnswer>, BadRequest<Microsoft.AspNetCore.Mvc.ProblemDetails>>> ImportAsync(Guid? communityId, HttpRequest request, ElsaFlowchartImporter importer, DefinitionService definitions,
        DefinitionAccess access, IDefinitionStore store, CancellationToken cancellationToken)
    {
        string json;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
        {
            var buffer = new char[ElsaFlowchartImporter.MaxLength + 1];
            var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
            json = new string(buffer, 0, read);
        }
        var imported = importer.Import(json);
        var id = await FreeIdAsync(imported.Definition.Id, store, cancellationToken);
        var owner = await access.OwnerForSaveAsync(request.HttpContext.User, id, communityId, cancellationToken);
        var definition = imported.Definition with { Id = id };
        var problems = definitions.Validator.Validate(definition);
        if (problems.Count > 0)
        {
            // The report goes with the refusal: it usually says why (a script left out of a required input).
            var problem = FrameworkRefusals.Problem(StatusCodes.Status400BadRequest, "elsa-import-invalid", request.Headers.AcceptLanguage,
                $"What could be imported does not make a valid workflow ({problems.Count} problem(s)); nothing was saved.");
            problem.Extensions["problems"] = problems;
            problem.Extensions["notes"] = imported.Notes;
            return TypedResults.BadRequest(problem);
        }
        var saved = await definitions.SaveDraftAsync(DefinitionJson.Write(definition), null, owner, cancellationToken);
        request.HttpContext.Response.Headers.ETag = saved.ETag;
        var summary = new WorkflowsApi.VersionSummary(saved.DefinitionId, saved.Version, saved.IsPublished, saved.Source, saved.CreatedAt, saved.PublishedAt,
            saved.ETag, definition.DisplayName?.ZhCN, saved.OwnerCommunityId, true);
        return TypedResults.Ok(new ImportAnswer(summary, imported.SourceName, imported.ActivitiesRead, imported.ActivitiesImported, imported.Notes));
    }

    /// <summary>The suggested id, or the first of <c>id-2</c>, <c>id-3</c>… no workflow has: an import never adds to an existing workflow.</summary>
    private static async Task<string> FreeIdAsync(string suggested, IDefinitionStore store, CancellationToken cancellationToken)
    {
        var id = suggested;
        for (var i = 2; await store.GetLatestAsync(id, cancellationToken) is not null; i++) id = $"{suggested}-{i}";
        return id;
    }
}
