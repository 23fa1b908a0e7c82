using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Deliberation.Host.Tests.Security;

/// <summary>
/// Who may change which workflow: a shared workflow (烦事有计倾, the files in <c>workflows/</c>) only administrators,
/// since a change reaches every community; a community's own workflow its staff, and nobody else sees it.
/// </summary>
[Trait("Category", "Security")]
public sealed class DefinitionOwnershipTests(HostFactory host) : IClassFixture<HostFactory>, IAsyncLifetime
{
    private TwoCommunities _world = null!;

    public async Task InitializeAsync() => _world = await TwoCommunities.CreateAsync(host);

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<JsonObject> ProblemAsync(HttpResponseMessage response) => (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    [Fact]
    public async Task Staff_CannotChangeOrPublishASharedWorkflow_ButReadAndStartIt()
    {
        var before = (await _world.Admin.GetFromJsonAsync<JsonArray>("/api/workflows/fanshi-youjiqing/versions"))!.Count;
        var loaded = await _world.StaffA.GetAsync("/api/workflows/fanshi-youjiqing");
        Assert.Equal(HttpStatusCode.OK, loaded.StatusCode);
        var document = (await loaded.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Null(document["version"]!["ownerCommunityId"]?.GetValue<Guid?>());
        Assert.False((bool)document["version"]!["canChange"]!);

        using var save = new HttpRequestMessage(HttpMethod.Put, "/api/workflows/fanshi-youjiqing")
        {
            Content = new StringContent(document["definition"]!.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        save.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var refused = await _world.StaffA.SendAsync(save);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var problem = await ProblemAsync(refused);
        Assert.Equal("definition-shared", (string)problem["code"]!);
        Assert.StartsWith("这是各社区共用的流程", (string)problem["title"]!, StringComparison.Ordinal);

        var version = (int)document["version"]!["version"]!;
        Assert.Equal(HttpStatusCode.Forbidden, (await _world.StaffA.PostAsync($"/api/workflows/fanshi-youjiqing/versions/{version}/publish", null)).StatusCode);
        Assert.Equal(before, (await _world.Admin.GetFromJsonAsync<JsonArray>("/api/workflows/fanshi-youjiqing/versions"))!.Count);

        var shared = "shared-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.OK, (await _world.Admin.PutAsync($"/api/workflows/{shared}", TwoCommunities.Workflow(shared))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _world.Admin.PostAsync($"/api/workflows/{shared}/versions/1/publish", null)).StatusCode);
        var started = await _world.StaffA.PostAsJsonAsync("/api/instances", new { definitionId = shared, communityId = _world.A });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _world.StaffB.PutAsync($"/api/workflows/{shared}", TwoCommunities.Workflow(shared, "改了"))).StatusCode);
    }

    [Fact]
    public async Task ACommunitysOwnWorkflow_IsChangedByItsStaff_AndDoesNotExistForAnotherCommunity()
    {
        var id = "own-" + Guid.NewGuid().ToString("N")[..8];
        var saved = await _world.StaffA.PutAsync($"/api/workflows/{id}", TwoCommunities.Workflow(id));
        Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var summary = (await saved.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(_world.A, summary["ownerCommunityId"]!.GetValue<Guid>());
        Assert.True((bool)summary["canChange"]!);
        Assert.Equal(HttpStatusCode.OK, (await _world.StaffA.PostAsync($"/api/workflows/{id}/versions/1/publish", null)).StatusCode);

        // Community B's staff: not listed, not readable, not changeable, not startable.
        var listed = (await _world.StaffB.GetFromJsonAsync<JsonArray>("/api/workflows"))!.Select(w => (string)w!["definitionId"]!).ToList();
        Assert.DoesNotContain(id, listed);
        Assert.Contains("fanshi-youjiqing", listed);
        Assert.Equal(HttpStatusCode.NotFound, (await _world.StaffB.GetAsync($"/api/workflows/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _world.StaffB.GetAsync($"/api/workflows/{id}/versions")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _world.StaffB.GetAsync($"/api/workflows/{id}/versions/1/export")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _world.StaffB.PostAsync($"/api/workflows/{id}/versions/1/publish", null)).StatusCode);
        var taken = await _world.StaffB.PutAsync($"/api/workflows/{id}", TwoCommunities.Workflow(id, "抢占"));
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal("definition-id-taken", (string)(await ProblemAsync(taken))["code"]!);
        var startedInB = await _world.StaffB.PostAsJsonAsync("/api/instances", new { definitionId = id, communityId = _world.B });
        Assert.Equal(HttpStatusCode.NotFound, startedInB.StatusCode);
        // Not even an administrator runs it in another community: the engine refuses.
        Assert.Equal(HttpStatusCode.NotFound, (await _world.Admin.PostAsJsonAsync("/api/instances", new { definitionId = id, communityId = _world.B })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _world.Admin.PostAsJsonAsync("/api/instances", new { definitionId = id })).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await _world.StaffA.PostAsJsonAsync("/api/instances", new { definitionId = id, communityId = _world.A })).StatusCode);
        var stored = (await _world.StaffA.GetFromJsonAsync<JsonObject>($"/api/workflows/{id}"))!;
        Assert.Equal("测试流程", (string)stored["definition"]!["displayName"]!["zh-CN"]!);
    }

    [Fact]
    public async Task ANewWorkflow_BelongsToTheCommunityNamed_AndStaffOfSeveralMustNameOne()
    {
        var id = "pick-" + Guid.NewGuid().ToString("N")[..8];
        using var unnamed = new HttpRequestMessage(HttpMethod.Put, $"/api/workflows/{id}") { Content = TwoCommunities.Workflow(id) };
        unnamed.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var refused = await _world.StaffAB.SendAsync(unnamed);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("请选择您负责的社区之一。", (string)(await ProblemAsync(refused))["errors"]!["communityId"]![0]!);
        Assert.Equal(HttpStatusCode.BadRequest, (await _world.StaffA.PutAsync($"/api/workflows/{id}?communityId={_world.B}", TwoCommunities.Workflow(id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _world.Admin.GetAsync($"/api/workflows/{id}")).StatusCode);

        var saved = await _world.StaffAB.PutAsync($"/api/workflows/{id}?communityId={_world.B}", TwoCommunities.Workflow(id));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(_world.B, (await saved.Content.ReadFromJsonAsync<JsonObject>())!["ownerCommunityId"]!.GetValue<Guid>());
        // The owner is set once: a later save naming another community does not move it.
        var again = await _world.StaffAB.PutAsync($"/api/workflows/{id}?communityId={_world.A}", TwoCommunities.Workflow(id, "第二稿"));
        Assert.Equal(_world.B, (await again.Content.ReadFromJsonAsync<JsonObject>())!["ownerCommunityId"]!.GetValue<Guid>());
        Assert.Equal(HttpStatusCode.NotFound, (await _world.StaffA.GetAsync($"/api/workflows/{id}")).StatusCode);
    }
}
