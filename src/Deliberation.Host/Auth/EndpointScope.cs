using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Deliberation.Host.Auth;

/// <summary>How an endpoint finds the community whose data it touches, so that nobody reaches into another.</summary>
public enum ScopeKind
{
    /// <summary>The <c>{communityId}</c> route value; another community answers 404 (<see cref="CommunityScopeFilter.RequireCommunityScope{TBuilder}"/>).</summary>
    CommunityRoute,

    /// <summary>The community of the task in <c>{taskId}</c> (<see cref="CommunityScopeFilter.RequireTaskScope{TBuilder}"/>).</summary>
    TaskRoute,

    /// <summary>The community of the workflow instance in <c>{id}</c> (<see cref="CommunityScopeFilter.RequireInstanceScope{TBuilder}"/>).</summary>
    InstanceRoute,

    /// <summary>The owner of the workflow definition in <c>{id}</c> (<see cref="DefinitionAccess"/>).</summary>
    DefinitionRoute,

    /// <summary>A community id in the request body, which the handler checks against the caller's communities.</summary>
    BodyCommunity,

    /// <summary>A list across communities that the handler narrows to the caller's communities.</summary>
    Filtered,

    /// <summary>The signed-in account itself (its own session, profile or password).</summary>
    Account,

    /// <summary>Administration across every community; the policy admits administrators only.</summary>
    Administration,

    /// <summary>Reference data no community owns (the activity palette, rule templates, a definition being validated).</summary>
    NotCommunityData,

    /// <summary>A signed link: the token in the address names the task and its community; no account is involved.</summary>
    SignedToken,

    /// <summary>Open to everyone and touches no community's data (health, API description, sign-in).</summary>
    Public,

    /// <summary>
    /// Open to everyone: a record a community made public, found by the unguessable code in the address (the
    /// verification page of sealed minutes); it shows only what the record publishes.
    /// </summary>
    PublicRecord,

    /// <summary>The development mailbox: answers only while the host runs in Development (its own filter refuses otherwise).</summary>
    DevelopmentOnly,
}

/// <summary>The declared scope of an endpoint (metadata).</summary>
/// <param name="Kind">How the community is found.</param>
public sealed record EndpointScope(ScopeKind Kind);

/// <summary>
/// Authorisation as data: every endpoint declares who may call it (a policy, or anonymous) and how its community is
/// found (<see cref="EndpointScope"/>). The host refuses to start when one does not, naming it; the authorisation
/// matrix test reads the same declarations.
/// </summary>
public static class EndpointDeclarations
{
    /// <summary>Declares how the endpoint's community is found.</summary>
    public static TBuilder ScopedBy<TBuilder>(this TBuilder builder, ScopeKind kind) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new EndpointScope(kind));

    /// <summary>What is wrong with each endpoint's declarations; empty when every endpoint declares both.</summary>
    public static List<string> Problems(IEnumerable<Endpoint> endpoints)
    {
        var problems = new List<string>();
        foreach (var endpoint in endpoints.OfType<RouteEndpoint>())
        {
            var name = Describe(endpoint);
            var metadata = endpoint.Metadata;
            var anonymous = metadata.GetMetadata<IAllowAnonymous>() is not null;
            if (!anonymous && metadata.GetOrderedMetadata<IAuthorizeData>().Count == 0)
                problems.Add($"{name}: no authorisation policy (RequireAuthorization or AllowAnonymous)");
            if (metadata.GetMetadata<EndpointScope>() is not { } scope)
            {
                problems.Add($"{name}: no community scope (ScopedBy, RequireCommunityScope, RequireTaskScope, RequireInstanceScope)");
                continue;
            }
            var needed = scope.Kind switch
            {
                ScopeKind.CommunityRoute => "communityId",
                ScopeKind.TaskRoute => "taskId",
                ScopeKind.InstanceRoute or ScopeKind.DefinitionRoute => "id",
                _ => null,
            };
            if (needed is not null && endpoint.RoutePattern.GetParameter(needed) is null)
                problems.Add($"{name}: scoped by {scope.Kind} but the route has no {{{needed}}}");
            var open = scope.Kind is ScopeKind.SignedToken or ScopeKind.Public or ScopeKind.PublicRecord or ScopeKind.DevelopmentOnly;
            if (anonymous && !open) problems.Add($"{name}: anonymous, yet scoped by {scope.Kind}");
            if (!anonymous && open && scope.Kind == ScopeKind.SignedToken) problems.Add($"{name}: a signed-link page must not need an account");
        }
        return problems;
    }

    /// <summary>Stops the host when an endpoint lacks a declaration.</summary>
    /// <exception cref="InvalidOperationException">Naming every endpoint that lacks one.</exception>
    public static void Verify(IEndpointRouteBuilder app)
    {
        var problems = Problems(app.DataSources.SelectMany(d => d.Endpoints));
        if (problems.Count > 0)
            throw new InvalidOperationException("Every endpoint must declare its authorisation and its community scope:\n" + string.Join('\n', problems));
    }

    /// <summary>The endpoint as <c>GET /api/…</c>.</summary>
    public static string Describe(RouteEndpoint endpoint) =>
        $"{string.Join(',', endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])} /{endpoint.RoutePattern.RawText?.TrimStart('/')}";
}
