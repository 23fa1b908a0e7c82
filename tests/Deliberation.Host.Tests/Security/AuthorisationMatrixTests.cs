using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Deliberation.Engine.Runtime;
using Deliberation.Engine.Storage;
using Deliberation.Host.Auth;
using Deliberation.Testing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Deliberation.Host.Tests.Security;

/// <summary>
/// Authorisation as data: every endpoint's declared policy and community scope, tried by every role against its own
/// and another community. The list of endpoints is the host's own, so a new endpoint is in the matrix the day it is mapped.
/// </summary>
[Trait("Category", "Security")]
public sealed class AuthorisationMatrixTests(HostFactory host, ITestOutputHelper output) : IClassFixture<HostFactory>
{
    private static readonly string[] ScopeCodes = ["community-not-found", "task-not-found", "instance-not-found", "definition-not-found"];

    [Fact]
    public void EveryEndpointOfTheHost_DeclaresItsPolicyAndCommunityScope()
    {
        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        Assert.True(endpoints.Count > 80, $"only {endpoints.Count} endpoints found");
        Assert.Empty(EndpointDeclarations.Problems(endpoints));
    }

    [Fact]
    public async Task AnEndpointRegisteredWithoutAPolicyOrScope_StopsTheHost_NamingIt()
    {
        var builder = WebApplication.CreateSlimBuilder();
        await using var app = builder.Build();
        app.MapGet("/api/forgotten", () => "open to anyone signed in");
        app.MapGet("/api/declared", () => "staff only").RequireAuthorization(AuthRoles.StaffPolicy).ScopedBy(ScopeKind.NotCommunityData);
        app.MapGet("/api/communities/{communityId:guid}/misdeclared", () => "").RequireAuthorization(AuthRoles.StaffPolicy).ScopedBy(ScopeKind.TaskRoute);

        var refused = Assert.Throws<InvalidOperationException>(() => EndpointDeclarations.Verify(app));

        Assert.Contains("GET /api/forgotten: no authorisation policy", refused.Message, StringComparison.Ordinal);
        Assert.Contains("GET /api/forgotten: no community scope", refused.Message, StringComparison.Ordinal);
        Assert.Contains("misdeclared: scoped by TaskRoute but the route has no {taskId}", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("/api/declared", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryRole_OnEveryEndpoint_InItsOwnAndAnotherCommunity_GetsWhatThePolicyAndScopeSay()
    {
        var world = await TwoCommunities.CreateAsync(host);
        var anonymous = host.CreateAnonymousClient();
        var callers = new (string Name, HttpClient? Client, string? Role)[]
        {
            ("anonymous", anonymous, null),
            ("administrator", world.Admin, AuthRoles.Administrator),
            ("staff of A", world.StaffA, AuthRoles.CommitteeStaff),
            ("building head of A", world.HeadA, AuthRoles.BuildingHead),
        };
        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.TrimStart('/').StartsWith("api/", StringComparison.Ordinal))
            // Signing out ends the caller's session, which the rest of the matrix needs; it has its own tests.
            .Where(e => e.RoutePattern.RawText!.TrimStart('/') != "api/auth/logout")
            .ToList();
        var failures = new List<string>();
        var requests = 0;
        foreach (var endpoint in endpoints)
        {
            var scope = endpoint.Metadata.GetMetadata<EndpointScope>()!.Kind;
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
            var anonymousAllowed = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                foreach (var (name, client, role) in callers)
                {
                    foreach (var target in new[] { world.A, world.B })
                    {
                        var path = Fill(endpoint.RoutePattern.RawText!, scope, world, target);
                        var (status, code) = await SendAsync(client!, method, path, Form(endpoint));
                        requests++;
                        var what = $"{name} {method} {path} ({(target == world.A ? "own" : "other")} community, {scope}) → {(int)status} {code}";
                        if (status == HttpStatusCode.InternalServerError) { failures.Add(what + ": a 500"); continue; }
                        if (anonymousAllowed) continue; // sign-in, signed links, public pages: no role or community to check
                        if (role is null)
                        {
                            if (status != HttpStatusCode.Unauthorized) failures.Add(what + ": expected 401");
                            continue;
                        }
                        var admitted = policies.All(p => p.Policy is null || AuthRoles.PolicyRoles[p.Policy].Contains(role))
                                       && policies.All(p => p.Roles is null || p.Roles.Split(',').Contains(role));
                        if (!admitted)
                        {
                            if (status != HttpStatusCode.Forbidden) failures.Add(what + ": expected 403");
                            continue;
                        }
                        if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                        {
                            // A shared definition is readable by staff but changed only by administrators: that 403 is the rule itself.
                            if (!(code == "definition-shared" && scope == ScopeKind.DefinitionRoute)) failures.Add(what + ": the policy admits this role");
                            continue;
                        }
                        var routeScoped = scope is ScopeKind.CommunityRoute or ScopeKind.TaskRoute or ScopeKind.InstanceRoute or ScopeKind.DefinitionRoute;
                        var refusedByScope = (status == HttpStatusCode.NotFound && ScopeCodes.Contains(code)) || code == "definition-id-taken";
                        if (!routeScoped) continue;
                        var crosses = target == world.B && role != AuthRoles.Administrator;
                        if (crosses && !refusedByScope) failures.Add(what + ": reached another community");
                        if (!crosses && refusedByScope) failures.Add(what + ": refused in its own community");
                    }
                }
            }
        }
        var report = $"Authorisation matrix: {requests} requests over {endpoints.Count} endpoints × 4 callers (anonymous, administrator, staff, building head) "
            + $"× own and other community, {failures.Count} failures";
        output.WriteLine(report);
        TestPaths.Report("authorisation-matrix", report);
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task StaffOfOneCommunity_CannotMoveAnotherCommunitysWorkflow_ByAnyRoute()
    {
        var world = await TwoCommunities.CreateAsync(host);
        var theirs = world.Of[world.B];
        var mine = world.Of[world.A];
        var store = host.Services.GetRequiredService<IWorkflowStore>();
        var before = await store.GetInstanceAsync(theirs.Instance, CancellationToken.None);
        var bookmark = before!.State.Waiting.SelectMany(e => e.Bookmarks).Single();

        var attempts = new List<(string What, HttpResponseMessage Response)>
        {
            ("signal", await world.StaffA.PostAsJsonAsync($"/api/instances/{theirs.Instance}/signals/go", new { })),
            ("resume", await world.StaffA.PostAsJsonAsync($"/api/instances/{theirs.Instance}/bookmarks/{bookmark.Id}/resume", new { })),
            ("cancel", await world.StaffA.PostAsync($"/api/instances/{theirs.Instance}/cancel", null)),
            ("retry", await world.StaffA.PostAsync($"/api/instances/{theirs.Instance}/incidents/{Guid.NewGuid()}/retry", null)),
            ("task in my community bound to theirs", await world.StaffA.PostAsJsonAsync($"/api/communities/{world.A}/tasks", new
            {
                personId = mine.Person, purpose = "ballot", title = "表决", instanceId = theirs.Instance, signalName = "go",
                data = JsonNode.Parse("""{"options":[{"value":"a","label":"同意"}]}"""),
            })),
            ("task in their community", await world.StaffA.PostAsJsonAsync($"/api/communities/{world.B}/tasks", new { personId = theirs.Person, purpose = "ballot" })),
            ("proxy answer", await world.StaffA.PostAsJsonAsync($"/api/tasks/{theirs.Task}/proxy-answer", new { answer = new { choice = "a" } })),
            ("proxy answer as head", await world.HeadA.PostAsJsonAsync($"/api/tasks/{theirs.Task}/proxy-answer", new { answer = new { choice = "a" } })),
            ("reissue link", await world.StaffA.PostAsync($"/api/tasks/{theirs.Task}/reissue-link", null)),
            ("change their workflow", await world.StaffA.PutAsync($"/api/workflows/{theirs.Workflow}", TwoCommunities.Workflow(theirs.Workflow, "改"))),
            ("publish their workflow", await world.StaffA.PostAsync($"/api/workflows/{theirs.Workflow}/versions/1/publish", null)),
            ("change the shared workflow they run", await world.StaffA.PutAsync($"/api/workflows/{world.SharedWorkflow}", TwoCommunities.Workflow(world.SharedWorkflow, "改"))),
            ("start their workflow", await world.StaffA.PostAsJsonAsync("/api/instances", new { definitionId = theirs.Workflow, communityId = world.A })),
        };

        Assert.All(attempts, a => Assert.True(
            a.Response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden or HttpStatusCode.Conflict or HttpStatusCode.BadRequest,
            $"{a.What}: {(int)a.Response.StatusCode}"));
        var after = await store.GetInstanceAsync(theirs.Instance, CancellationToken.None);
        Assert.Equal(before.Revision, after!.Revision);
        Assert.Equal(InstanceStatus.Suspended, after.Status);
        // The answer link is the resident's, and it still works for them.
        var page = await host.CreateAnonymousClient().GetAsync(theirs.TaskPath);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    private static string Fill(string pattern, ScopeKind scope, TwoCommunities world, Guid target)
    {
        var owned = world.Of[target];
        var path = System.Text.RegularExpressions.Regex.Replace(pattern, @"\{\*{0,2}([A-Za-z]+)(:[^}]*)?\}", m => m.Groups[1].Value switch
        {
            "communityId" => target.ToString(),
            "taskId" => owned.Task.ToString(),
            "id" when scope == ScopeKind.InstanceRoute => owned.Instance.ToString(),
            "id" when scope == ScopeKind.DefinitionRoute => owned.Workflow,
            "version" or "index" => "1",
            "signal" => "matrix",
            "token" or "file" or "path" => "x",
            _ => Guid.NewGuid().ToString(),
        });
        return "/" + path.TrimStart('/');
    }

    /// <summary>Whether the endpoint takes a form (an upload): it gets one, or routing would refuse the JSON before any check.</summary>
    private static bool Form(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.Contains("multipart/form-data") == true;

    private static async Task<(HttpStatusCode Status, string? Code)> SendAsync(HttpClient client, string method, string path, bool form)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (form)
        {
            request.Content = new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "file", "x.bin" } };
        }
        else if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }
        // A stream (the live meeting view) must answer its status at once; nothing here may hang.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        string? code = null;
        if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
            code = (string?)(await response.Content.ReadFromJsonAsync<JsonObject>(timeout.Token))?["code"];
        return (response.StatusCode, code);
    }
}
