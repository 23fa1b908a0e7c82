using System.Text.Json;
using System.Text.Json.Nodes;
using Deliberation.Civic.Data;
using Deliberation.Engine.Definitions;
using Deliberation.Engine.Runtime;

namespace Deliberation.Host.Api;

/// <summary>
/// The inputs of a start that name someone or something through a picker (a person, an organisation, a building group)
/// must name the starting community's own: another community's id (or none) is refused at its field before anything
/// runs, not found later by the step that uses it.
/// </summary>
public static class PickedInputs
{
    /// <summary>Refuses the picker inputs whose ids are not all the community's.</summary>
    /// <exception cref="WorkflowException"><c>invalid-input</c>, with <c>input-not-in-community</c> at each such input.</exception>
    public static async Task CheckAsync(WorkflowDefinition definition, JsonObject? input, Guid? communityId, ICivicDatabase database,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(database);
        var picked = definition.Inputs.Where(i => i.Picker != InputPicker.None)
            .Select(i => (i.Name, i.Picker, Ids: Ids(input?[i.Name])))
            .Where(p => p.Ids.Count > 0).ToList();
        if (picked.Count == 0) return;
        var errors = new Dictionary<string, FieldError[]>(StringComparer.Ordinal);
        await using var db = database.Open();
        foreach (var (name, picker, ids) in picked)
        {
            var community = communityId ?? Guid.Empty;
            var found = picker switch
            {
                InputPicker.Person => await db.People.Where(p => ids.Contains(p.Id) && p.CommunityId == community).Select(p => p.Id).ToListAsync(cancellationToken),
                InputPicker.Organisation => await db.Organisations.Where(o => ids.Contains(o.Id) && o.CommunityId == community).Select(o => o.Id).ToListAsync(cancellationToken),
                _ => await db.BuildingGroups.Where(b => ids.Contains(b.Id) && b.CommunityId == community).Select(b => b.Id).ToListAsync(cancellationToken),
            };
            if (ids.Except(found).Any()) errors[name] = [ApiFields.InputNotInCommunity.Error()];
        }
        if (errors.Count > 0)
            throw new WorkflowException(WorkflowErrorKind.Invalid, "invalid-input", "Some workflow inputs are missing or invalid.") { FieldErrors = errors };
    }

    /// <summary>The ids a value holds (one, or a list); what is not an id is left to the start's own type check.</summary>
    private static List<Guid> Ids(JsonNode? value) => value switch
    {
        JsonArray list => [.. list.Select(Id).OfType<Guid>().Distinct()],
        JsonValue one when Id(one) is { } id => [id],
        _ => [],
    };

    private static Guid? Id(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String && Guid.TryParse(v.GetValue<string>(), out var id) ? id : null;
}
