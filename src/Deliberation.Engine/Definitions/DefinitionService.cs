using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Deliberation.Engine.Activities;
using Deliberation.Engine.Activities.BuiltIn;
using Deliberation.Engine.Runtime;
using Deliberation.Engine.Storage;
using Deliberation.Engine.Validation;

namespace Deliberation.Engine.Definitions;

/// <summary>
/// Saves, publishes and imports definition versions. Saving writes a draft (a new version after a
/// published one, the same draft otherwise); publishing makes a draft immutable; instances pin the
/// version they start on.
/// </summary>
public sealed class DefinitionService(IDefinitionStore store, DefinitionValidator validator, ActivityRegistry registry, TimeProvider time)
{
    private readonly ConcurrentDictionary<(string, int), CompiledWorkflow> _compiled = new();

    /// <summary>The validator.</summary>
    public DefinitionValidator Validator => validator;

    /// <summary>Saves a draft. <paramref name="ifMatch"/> is the ETag the editor loaded; a mismatch means someone else saved meanwhile.</summary>
    /// <exception cref="WorkflowException">Invalid definition (with every problem), or a concurrent save (conflict).</exception>
    public Task<DefinitionVersion> SaveDraftAsync(string json, string? ifMatch, CancellationToken cancellationToken) =>
        SaveDraftAsync(json, ifMatch, null, cancellationToken);

    /// <summary>
    /// Saves a draft; a definition saved for the first time belongs to <paramref name="ownerForNew"/> (null: shared by every
    /// community). A definition's owner never changes afterwards: who may save it is the caller's concern.
    /// </summary>
    /// <exception cref="WorkflowException">Invalid definition (with every problem), or a concurrent save (conflict).</exception>
    public async Task<DefinitionVersion> SaveDraftAsync(string json, string? ifMatch, Guid? ownerForNew, CancellationToken cancellationToken)
    {
        var definition = ValidateOrThrow(json);
        var normalized = DefinitionJson.Write(definition);
        var latest = await store.GetLatestAsync(definition.Id, cancellationToken);
        ThrowIfInvalid(DefinitionValidator.ValidateScheduleOwner(definition, latest is null ? ownerForNew : latest.OwnerCommunityId));
        ThrowIfInvalid(await ValidateChildWorkflowsAsync(definition, latest is null ? ownerForNew : latest.OwnerCommunityId, true, cancellationToken));
        if (latest is not null && ifMatch is not null && !MatchesETag(latest, ifMatch))
            throw new WorkflowException(WorkflowErrorKind.Conflict, "definition-changed",
                $"'{definition.Id}' was saved by someone else meanwhile (now version {latest.Version}, revision {latest.Revision}); reload it before saving.");
        var now = time.GetUtcNow();
        if (latest is { IsPublished: false })
        {
            var updated = latest with { Json = normalized, Hash = Hash(normalized), Source = "api", CreatedAt = now, Revision = latest.Revision + 1 };
            return await store.UpdateDraftAsync(updated, latest.Revision, cancellationToken)
                ? updated
                : throw Changed(definition.Id);
        }
        var draft = new DefinitionVersion(definition.Id, (latest?.Version ?? 0) + 1, false, normalized, Hash(normalized), "api", now, null, 1,
            latest is null ? ownerForNew : latest.OwnerCommunityId);
        return await store.InsertAsync(draft, cancellationToken) ? draft : throw Changed(definition.Id);
    }

    /// <summary>Publishes a draft version; it must be the newest version.</summary>
    /// <exception cref="WorkflowException">Not found, already published, not the newest, or invalid.</exception>
    public async Task<DefinitionVersion> PublishAsync(string definitionId, int version, string? ifMatch, CancellationToken cancellationToken)
    {
        var draft = await store.GetAsync(definitionId, version, cancellationToken)
            ?? throw new WorkflowException(WorkflowErrorKind.NotFound, "definition-not-found", $"'{definitionId}' has no version {version}.");
        if (draft.IsPublished)
            throw new WorkflowException(WorkflowErrorKind.Conflict, "already-published", $"'{definitionId}' version {version} is already published; published versions never change.");
        var latest = await store.GetLatestAsync(definitionId, cancellationToken);
        if (latest!.Version != version)
            throw new WorkflowException(WorkflowErrorKind.Conflict, "not-latest", $"Version {version} of '{definitionId}' is not the newest (version {latest.Version} is).");
        if (ifMatch is not null && !MatchesETag(draft, ifMatch)) throw Changed(definitionId);
        var parsed = ValidateOrThrow(draft.Json);
        ThrowIfInvalid(DefinitionValidator.ValidateScheduleOwner(parsed, draft.OwnerCommunityId));
        ThrowIfInvalid(await ValidateChildWorkflowsAsync(parsed, draft.OwnerCommunityId, true, cancellationToken));
        var published = draft with { IsPublished = true, PublishedAt = time.GetUtcNow(), Revision = draft.Revision + 1 };
        return await store.UpdateDraftAsync(published, draft.Revision, cancellationToken) ? published : throw Changed(definitionId);
    }

    /// <summary>Imports a file from <c>workflows/</c> as a new published version when its content changed.</summary>
    public async Task<ImportResult> ImportFileAsync(string fileName, string content, CancellationToken cancellationToken)
    {
        var source = "file:" + fileName;
        var hash = Hash(content);
        var problems = validator.Validate(content, out var definition);
        if (problems.Count > 0 || definition is null) return new ImportResult(fileName, ImportOutcome.Invalid, null, problems);
        var owner = (await store.GetLatestAsync(definition.Id, cancellationToken))?.OwnerCommunityId;
        if (DefinitionValidator.ValidateScheduleOwner(definition, owner) is { Count: > 0 } ownerProblems)
            return new ImportResult(fileName, ImportOutcome.Invalid, null, ownerProblems);
        var lastImported = await store.GetLastFromSourceAsync(source, cancellationToken);
        if (lastImported is not null && lastImported.Hash == hash && lastImported.DefinitionId == definition.Id)
            return new ImportResult(fileName, ImportOutcome.Unchanged, lastImported, []);
        var latestPublished = await store.GetLatestPublishedAsync(definition.Id, cancellationToken);
        if (latestPublished is not null && latestPublished.Source != source
            && (lastImported is null || latestPublished.Version > lastImported.Version))
            return new ImportResult(fileName, ImportOutcome.SkippedNewerPublished, latestPublished, []);
        var latest = await store.GetLatestAsync(definition.Id, cancellationToken);
        var now = time.GetUtcNow();
        var version = new DefinitionVersion(definition.Id, (latest?.Version ?? 0) + 1, true, content, hash, source, now, now, 1, latest?.OwnerCommunityId);
        return await store.InsertAsync(version, cancellationToken)
            ? new ImportResult(fileName, ImportOutcome.Imported, version, [])
            : new ImportResult(fileName, ImportOutcome.SkippedNewerPublished, await store.GetLatestAsync(definition.Id, cancellationToken), []);
    }

    /// <summary>The compiled published version to start or run; the newest when <paramref name="version"/> is null.</summary>
    /// <exception cref="WorkflowException">No such published version.</exception>
    public async Task<CompiledWorkflow> GetRunnableAsync(string definitionId, int? version, CancellationToken cancellationToken)
    {
        if (version is { } v && _compiled.TryGetValue((definitionId, v), out var cached)) return cached;
        var record = version is { } wanted
            ? await store.GetAsync(definitionId, wanted, cancellationToken)
            : await store.GetLatestPublishedAsync(definitionId, cancellationToken);
        if (record is null || !record.IsPublished)
            throw new WorkflowException(WorkflowErrorKind.NotFound, "definition-not-published",
                version is null ? $"'{definitionId}' has no published version." : $"'{definitionId}' version {version} does not exist or is not published.");
        return _compiled.GetOrAdd((definitionId, record.Version),
            _ => new CompiledWorkflow(DefinitionJson.Parse(record.Json), record.Version, registry) { OwnerCommunityId = record.OwnerCommunityId });
    }

    /// <summary>
    /// What the store knows about the workflows a definition runs (<c>RunWorkflow</c> with a literal workflow id): each must
    /// have a published version (the one named, when a version is given), not be the definition itself, belong to no other
    /// community than <paramref name="owner"/> (when <paramref name="checkOwner"/>), and be given every input it requires
    /// and none it does not declare. Files imported at start-up skip this (they may name each other in any order); the
    /// activity refuses the same at run time.
    /// </summary>
    /// <param name="definition">The parsed definition.</param>
    /// <param name="owner">The community whose own workflow it is, or null for a shared one.</param>
    /// <param name="checkOwner">Whether the owner is known (false when only validating a document).</param>
    /// <param name="cancellationToken">Cancels.</param>
    public async Task<IReadOnlyList<DefinitionProblem>> ValidateChildWorkflowsAsync(WorkflowDefinition definition, Guid? owner, bool checkOwner,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var problems = new List<DefinitionProblem>();
        foreach (var node in definition.Activities.Where(a => a.Type == RunWorkflowActivity.TypeName))
        {
            if (!node.Inputs.TryGetValue("definitionId", out var named) || named.Type != Expression.Literal
                || Expressions.JsonValues.AsText(named.Value)?.Trim() is not { Length: > 0 } childId)
                continue; // empty is the validator's "required"; a script is only known when it runs
            const string input = "definitionId";
            var at = $"activities[{node.Id}].inputs.{input}";
            if (childId == definition.Id)
            {
                problems.Add(new(at, "run-workflow-self", $"Activity '{node.Id}' runs this workflow itself, which would never end; choose another workflow.", node.Id, input));
                continue;
            }
            int? version = node.Inputs.TryGetValue("version", out var v) && v.Type == Expression.Literal && Expressions.JsonValues.AsNumber(v.Value) is { } n
                && n >= 1 && n == Math.Floor(n) && n <= int.MaxValue ? (int)n : null;
            var record = version is { } wanted ? await store.GetAsync(childId, wanted, cancellationToken) : await store.GetLatestPublishedAsync(childId, cancellationToken);
            if (record is not { IsPublished: true })
            {
                problems.Add(new(at, "run-workflow-unknown-definition", version is null
                    ? $"Activity '{node.Id}' runs workflow '{childId}', which has no published version: publish it first, or choose a published workflow."
                    : $"Activity '{node.Id}' runs version {version} of workflow '{childId}', which does not exist or is not published.", node.Id, input));
                continue;
            }
            if (checkOwner && record.OwnerCommunityId is { } childOwner && childOwner != owner)
            {
                problems.Add(new(at, "run-workflow-other-community", owner is null
                    ? $"Activity '{node.Id}' runs '{childId}', one community's own workflow, from a shared workflow that runs in every community; share '{childId}' or run a shared workflow."
                    : $"Activity '{node.Id}' runs '{childId}', another community's own workflow; a child runs in its parent's community.", node.Id, input));
                continue;
            }
            var child = DefinitionJson.Parse(record.Json);
            var given = node.Inputs.TryGetValue("inputs", out var i) && i.Type == Expression.Literal ? RunWorkflowActivity.ReadInputs(i.Value) : [];
            if (given is null) continue; // not an object: the validator says so
            const string inputs = "inputs";
            foreach (var (name, _) in given.Where(g => child.Inputs.All(x => x.Name != g.Name)))
                problems.Add(new($"activities[{node.Id}].inputs.{inputs}", "run-workflow-unknown-input",
                    $"Workflow '{childId}' declares no input '{name}'; it has {(child.Inputs.Count == 0 ? "none" : string.Join(", ", child.Inputs.Select(x => x.Name)))}.", node.Id, inputs));
            foreach (var required in child.Inputs.Where(x => x.Required && x.Default is null && given.All(g => g.Name != x.Name)))
                problems.Add(new($"activities[{node.Id}].inputs.{inputs}", "run-workflow-missing-input",
                    $"Workflow '{childId}' requires input '{required.Name}' and has no default for it: give it in the inputs.", node.Id, inputs));
        }
        return problems;
    }

    private WorkflowDefinition ValidateOrThrow(string json)
    {
        var problems = validator.Validate(json, out var definition);
        if (problems.Count == 0 && definition is not null) return definition;
        throw Invalid(problems);
    }

    private static void ThrowIfInvalid(IReadOnlyList<DefinitionProblem> problems)
    {
        if (problems.Count > 0) throw Invalid(problems);
    }

    private static WorkflowException Invalid(IReadOnlyList<DefinitionProblem> problems) =>
        new WorkflowException(WorkflowErrorKind.Invalid, "invalid-definition", $"The definition has {problems.Count} problem(s).")
        {
            Errors = problems.GroupBy(p => p.Path).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()),
            Problems = problems,
        };

    private static bool MatchesETag(DefinitionVersion version, string ifMatch) =>
        ifMatch.Trim() == "*" || ifMatch.Trim() == version.ETag || ifMatch.Trim().Trim('"') == version.ETag.Trim('"');

    private static WorkflowException Changed(string id) =>
        new(WorkflowErrorKind.Conflict, "definition-changed", $"'{id}' was saved by someone else meanwhile; reload it before saving.");

    /// <summary>Lower-case hex SHA-256 of a text's UTF-8 bytes.</summary>
    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
