using Deliberation.Civic.Data;
using Deliberation.Civic.Decisions;
using Deliberation.Civic.Elections;
using Deliberation.Engine.Definitions;
using Deliberation.Engine.Runtime;

namespace Deliberation.Civic.Issues;

/// <summary>
/// Each community's own deliberation matters catalogue (协商事项指导目录). A community starts from the configured catalogue
/// (<c>Deliberation:Catalogue</c>, <see cref="MattersCatalogue.Default"/> when absent) and reads it until staff first save
/// their own: that save writes the whole list as the community's rows, so the configured codes every existing complaint
/// names stay valid, and a code still used by a complaint of the community cannot be removed. Refusals are
/// <see cref="WorkflowException"/>s: <c>bad-request</c> (400, errors by field), <c>community-not-found</c> (404) and
/// <c>catalogue-changed</c> (409, another save at the same time).
/// </summary>
/// <param name="database">The database.</param>
/// <param name="defaults">The configured catalogue every community starts from.</param>
/// <param name="definitions">Tells which workflows are published and whose they are.</param>
/// <param name="time">The clock.</param>
public sealed class CatalogueStore(ICivicDatabase database, MattersCatalogue defaults, DefinitionService definitions, TimeProvider time)
{
    /// <summary>The most kinds of matter one catalogue lists.</summary>
    public const int MaxMatters = 100;

    /// <summary>The configured catalogue every community starts from.</summary>
    public MattersCatalogue Defaults => defaults;

    /// <summary>The community's catalogue, whether it is its own yet, and how many of its complaints are of each kind.</summary>
    /// <exception cref="WorkflowException">No such community (404).</exception>
    public async Task<CommunityCatalogue> GetAsync(Guid communityId, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        await RequireCommunityAsync(db, communityId, cancellationToken);
        var (catalogue, own) = await ReadAsync(db, communityId, cancellationToken);
        return new CommunityCatalogue(catalogue.Matters, own, await CountComplaintsAsync(db, communityId, cancellationToken));
    }

    /// <summary>The community's catalogue in <paramref name="db"/>: its own rows, or the configured one while it has none; true when its own.</summary>
    internal Task<(MattersCatalogue Catalogue, bool Own)> ReadAsync(ICivicSession db, Guid communityId, CancellationToken cancellationToken) =>
        ReadAsync(db, communityId, defaults, cancellationToken);

    /// <summary>The community's catalogue in <paramref name="db"/>: its own rows, or <paramref name="defaults"/> while it has none; true when its own.</summary>
    internal static async Task<(MattersCatalogue Catalogue, bool Own)> ReadAsync(ICivicSession db, Guid communityId, MattersCatalogue defaults,
        CancellationToken cancellationToken)
    {
        var rows = await db.CommunityMatters.Where(m => m.CommunityId == communityId).OrderBy(m => m.Position).ToListAsync(cancellationToken);
        return rows.Count == 0 ? (defaults, false) : (new MattersCatalogue(rows.Select(r => r.ToMatter()).ToList()), true);
    }

    /// <summary>
    /// Replaces the community's catalogue with <paramref name="matters"/>, in that order. Each names a code, both names and
    /// optionally a published workflow the community can launch, advisor kinds (<see cref="PartyKinds.Advisors"/>) and a
    /// rules template (<see cref="RulesTemplates"/>). Nothing changes when anything is refused.
    /// </summary>
    /// <exception cref="WorkflowException">
    /// Invalid entries, or a code still used by a complaint left out (400, errors by field: <c>matters</c>, <c>matters[i].code</c>…);
    /// no such community (404); another save at the same time (409).
    /// </exception>
    public async Task<CommunityCatalogue> ReplaceAsync(Guid communityId, IReadOnlyList<DeliberationMatter?>? matters, CancellationToken cancellationToken)
    {
        await using (var read = database.Open())
            await RequireCommunityAsync(read, communityId, cancellationToken);
        var errors = new Dictionary<string, FieldError[]>(StringComparer.Ordinal);
        var given = matters ?? [];
        if (given.Count is 0 or > MaxMatters) errors["matters"] = [CatalogueFields.Empty.With(("max", MaxMatters))];
        var checkedMatters = new List<DeliberationMatter>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var workflows = new Dictionary<string, bool>(StringComparer.Ordinal);
        for (var i = 0; i < given.Count && given.Count <= MaxMatters; i++)
        {
            var at = $"matters[{i}]";
            var m = given[i] ?? new DeliberationMatter();
            var code = m.Code?.Trim() ?? "";
            if (!MattersCatalogue.IsCode(code)) errors[at + ".code"] = [CatalogueFields.Code.Error()];
            else if (!codes.Add(code)) errors[at + ".code"] = [CatalogueFields.CodeRepeated.Error()];
            TextRules.Check(errors, at + ".zh", m.Zh, MattersCatalogue.MaxNameLength, required: true);
            TextRules.Check(errors, at + ".en", m.En, MattersCatalogue.MaxNameLength, required: true);
            if (!string.IsNullOrWhiteSpace(m.DefinitionId))
            {
                var workflow = m.DefinitionId.Trim();
                if (!workflows.TryGetValue(workflow, out var launchable))
                    workflows[workflow] = launchable = await IsLaunchableAsync(workflow, communityId, cancellationToken);
                if (!launchable) errors[at + ".definitionId"] = [CatalogueFields.Workflow.With(("workflow", workflow))];
            }
            if ((m.Advisors ?? []).Any(a => !PartyKinds.Advisors.Contains(a?.Trim() ?? "")))
                errors[at + ".advisors"] = [CatalogueFields.Advisor.With(("kinds", string.Join(", ", PartyKinds.Advisors)))];
            if (!string.IsNullOrWhiteSpace(m.RulesTemplate) && RulesTemplates.Find(m.RulesTemplate.Trim()) is null)
                errors[at + ".rulesTemplate"] = [CatalogueFields.RulesTemplate.With(("templates", string.Join(", ", RulesTemplates.All.Select(t => t.Code))))];
            if (errors.Count == 0) checkedMatters.Add(MattersCatalogue.Normalized(new DeliberationMatter
            {
                Code = code, Zh = m.Zh!, En = m.En!, DefinitionId = m.DefinitionId, Advisors = [.. (m.Advisors ?? []).OfType<string>()], RulesTemplate = m.RulesTemplate,
            }));
        }
        if (errors.Count > 0) throw Invalid(errors);

        var now = time.GetUtcNow();
        await using var db = database.Open(tracking: true);
        try
        {
            await using var transaction = await db.BeginTransactionAsync(serializable: true, cancellationToken);
            // A kind some complaint of the community is of stays: its code is what the complaint names.
            var inUse = (await CountComplaintsAsync(db, communityId, cancellationToken)).Where(c => !codes.Contains(c.Key)).OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
            if (inUse.Count > 0)
                throw Invalid(new Dictionary<string, FieldError[]>
                {
                    ["matters"] = [.. inUse.Select(c => CatalogueFields.CodeInUse.With(("count", c.Value), ("code", c.Key)))],
                });
            db.CommunityMatters.RemoveRange(await db.CommunityMatters.Where(m => m.CommunityId == communityId).ToListAsync(cancellationToken));
            await db.SaveChangesAsync(cancellationToken);
            db.CommunityMatters.AddRange(checkedMatters.Select((m, i) => new CommunityMatter
            {
                Id = Guid.CreateVersion7(now), CommunityId = communityId, Position = i, Code = m.Code, Zh = m.Zh, En = m.En, DefinitionId = m.DefinitionId,
                Advisors = string.Join('\n', m.Advisors), RulesTemplate = m.RulesTemplate, UpdatedAt = now,
            }));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DataWriteException)
        {
            throw new WorkflowException(WorkflowErrorKind.Conflict, "catalogue-changed",
                "The catalogue was saved by someone else at the same time; reload it and save again. Nothing changed.");
        }
        return await GetAsync(communityId, cancellationToken);
    }

    /// <summary>Whether the community may launch the workflow: it has a published version, shared or the community's own.</summary>
    internal async Task<bool> IsLaunchableAsync(string definitionId, Guid communityId, CancellationToken cancellationToken)
    {
        try
        {
            var workflow = await definitions.GetRunnableAsync(definitionId, null, cancellationToken);
            return workflow.OwnerCommunityId is null || workflow.OwnerCommunityId == communityId;
        }
        catch (WorkflowException ex) when (ex.Kind == WorkflowErrorKind.NotFound)
        {
            return false;
        }
    }

    private static async Task<IReadOnlyDictionary<string, int>> CountComplaintsAsync(ICivicSession db, Guid communityId, CancellationToken cancellationToken) =>
        (await db.Complaints.Where(c => c.CommunityId == communityId).Select(c => c.CategoryCode).ToListAsync(cancellationToken))
            .GroupBy(c => c, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    private static async Task RequireCommunityAsync(ICivicSession db, Guid communityId, CancellationToken cancellationToken)
    {
        if (!await db.Communities.AnyAsync(c => c.Id == communityId, cancellationToken))
            throw new WorkflowException(WorkflowErrorKind.NotFound, "community-not-found", $"There is no community {communityId}.");
    }

    private static WorkflowException Invalid(Dictionary<string, FieldError[]> errors) =>
        new(WorkflowErrorKind.Invalid, "bad-request", "The catalogue has invalid entries; nothing changed.") { FieldErrors = errors };
}
