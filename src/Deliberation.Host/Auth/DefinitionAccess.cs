using System.Security.Claims;
using Deliberation.Engine.Runtime;
using Deliberation.Engine.Storage;
using Deliberation.Host.Api;

namespace Deliberation.Host.Auth;

/// <summary>
/// Who may see and change which workflow definitions.
/// <list type="bullet">
/// <item><b>Shared workflows</b> (owner null: imported from <c>workflows/</c>, or made by an administrator for every
/// community — 烦事有计倾 is one): every staff member sees and starts them; only administrators change and publish
/// them, since a change reaches every community's deliberations. Staff who want a variant save a copy for their community.</item>
/// <item><b>A community's own workflows</b> (owner = the community): its staff (and administrators) see, change,
/// publish and start them; to every other community they do not exist (404), and the engine starts them only
/// in their own community.</item>
/// </list>
/// </summary>
public sealed class DefinitionAccess(CommunityAccess access, IDefinitionStore store)
{
    /// <summary>Whether the account sees the definition.</summary>
    public async Task<bool> CanSeeAsync(ClaimsPrincipal user, DefinitionVersion definition, CancellationToken cancellationToken) =>
        definition.OwnerCommunityId is null || await access.CanSeeAsync(user, definition.OwnerCommunityId, cancellationToken);

    /// <summary>Whether the account may change and publish the definition.</summary>
    public async Task<bool> CanChangeAsync(ClaimsPrincipal user, DefinitionVersion definition, CancellationToken cancellationToken) =>
        user.IsInRole(AuthRoles.Administrator)
        || (definition.OwnerCommunityId is { } owner && await access.CanSeeAsync(user, owner, cancellationToken));

    /// <summary>The definitions the account sees, out of <paramref name="definitions"/>.</summary>
    public async Task<List<DefinitionVersion>> VisibleAsync(ClaimsPrincipal user, IEnumerable<DefinitionVersion> definitions, CancellationToken cancellationToken)
    {
        var communities = await access.CommunitiesAsync(user, cancellationToken);
        return definitions.Where(d => communities is null || d.OwnerCommunityId is null || communities.Contains(d.OwnerCommunityId.Value)).ToList();
    }

    /// <summary>The newest version, when the account sees it; otherwise 404 as if it did not exist.</summary>
    /// <exception cref="WorkflowException">No such definition, or not the account's to see (404).</exception>
    public async Task<DefinitionVersion> SeenAsync(ClaimsPrincipal user, string definitionId, CancellationToken cancellationToken)
    {
        var latest = await store.GetLatestAsync(definitionId, cancellationToken);
        return latest is not null && await CanSeeAsync(user, latest, cancellationToken) ? latest : throw NotFound(definitionId);
    }

    /// <summary>
    /// Checks that the account may save <paramref name="definitionId"/> and answers the owner a new definition gets:
    /// <paramref name="communityId"/> when given (one of the account's communities), else the account's only community;
    /// an administrator who names no community makes a shared workflow.
    /// </summary>
    /// <exception cref="WorkflowException">
    /// Another community's workflow (409 <c>definition-id-taken</c>, its existence being all it learns); a shared one
    /// and not an administrator (403 <c>definition-shared</c>); no community to own a new one (400).
    /// </exception>
    public async Task<Guid?> OwnerForSaveAsync(ClaimsPrincipal user, string definitionId, Guid? communityId, CancellationToken cancellationToken)
    {
        var latest = await store.GetLatestAsync(definitionId, cancellationToken);
        if (latest is not null)
        {
            if (!await CanSeeAsync(user, latest, cancellationToken))
                throw new WorkflowException(WorkflowErrorKind.Conflict, "definition-id-taken", $"The id '{definitionId}' is taken; choose another.");
            if (!await CanChangeAsync(user, latest, cancellationToken)) throw Shared(definitionId);
            return latest.OwnerCommunityId;
        }
        if (communityId is { } chosen)
        {
            return await access.CanSeeAsync(user, chosen, cancellationToken) ? chosen : throw Field(ApiFields.NotYourCommunity);
        }
        var communities = await access.CommunitiesAsync(user, cancellationToken);
        if (communities is null) return null;
        return communities.Count == 1 ? communities.First() : throw Field(ApiFields.NotYourCommunity);
    }

    /// <summary>Checks that the account may publish the definition.</summary>
    /// <exception cref="WorkflowException">Not the account's to see (404) or to change (403).</exception>
    public async Task RequireChangeAsync(ClaimsPrincipal user, string definitionId, CancellationToken cancellationToken)
    {
        var latest = await SeenAsync(user, definitionId, cancellationToken);
        if (!await CanChangeAsync(user, latest, cancellationToken)) throw Shared(definitionId);
    }

    private static WorkflowException NotFound(string id) =>
        new(WorkflowErrorKind.NotFound, "definition-not-found", $"There is no workflow '{id}'.");

    private static WorkflowException Shared(string id) =>
        new(WorkflowErrorKind.Forbidden, "definition-shared",
            $"'{id}' is shared by every community; only administrators change it. Save a copy for your community instead.");

    private static WorkflowException Field(FieldMessage message) =>
        new(WorkflowErrorKind.Invalid, "invalid-input", "Choose one of your communities for the new workflow.")
        { FieldErrors = new Dictionary<string, FieldError[]> { ["communityId"] = [message.Error()] } };
}
