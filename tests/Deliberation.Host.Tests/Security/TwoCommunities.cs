using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Deliberation.Civic.Communities;
using Deliberation.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Host.Tests.Security;

/// <summary>
/// Two communities on one host, and an account of each kind: the administrator, staff of A, staff of B, a building
/// head of A, and staff of both. Security tests act as each and check that nobody reaches across.
/// </summary>
public sealed class TwoCommunities
{
    /// <summary>The password of every account made here.</summary>
    public const string Password = "a-long-enough-password";

    private TwoCommunities(HostFactory host) => Host = host;

    public HostFactory Host { get; }
    public HttpClient Admin { get; private set; } = null!;
    public Guid A { get; private set; }
    public Guid B { get; private set; }
    public HttpClient StaffA { get; private set; } = null!;
    public HttpClient StaffB { get; private set; } = null!;
    public HttpClient StaffAB { get; private set; } = null!;
    public HttpClient HeadA { get; private set; } = null!;

    /// <summary>A shared published workflow that waits for the signal <c>go</c>.</summary>
    public string SharedWorkflow { get; private set; } = "";

    /// <summary>What each community has: a resident, a waiting instance, a task bound to it, and a workflow of its own.</summary>
    public Dictionary<Guid, Owned> Of { get; } = [];

    /// <summary>A community's things.</summary>
    public sealed record Owned(Guid Person, Guid Instance, Guid Task, string TaskPath, string Workflow);

    /// <summary>Makes the communities and the accounts, each signed in with a bearer token.</summary>
    public static async Task<TwoCommunities> CreateAsync(HostFactory host)
    {
        var world = new TwoCommunities(host) { Admin = host.CreateClient() };
        var run = Guid.NewGuid().ToString("N")[..8];
        world.A = await world.AddCommunityAsync("a-" + run);
        world.B = await world.AddCommunityAsync("b-" + run);
        world.StaffA = await world.AccountAsync($"staff-a-{run}@test.local", "CommitteeStaff", world.A);
        world.StaffB = await world.AccountAsync($"staff-b-{run}@test.local", "CommitteeStaff", world.B);
        world.StaffAB = await world.AccountAsync($"staff-ab-{run}@test.local", "CommitteeStaff", world.A, world.B);
        world.HeadA = await world.AccountAsync($"head-a-{run}@test.local", "BuildingHead", world.A);
        world.SharedWorkflow = "shared-wait-" + run;
        await world.PublishAsync(world.SharedWorkflow, null);
        foreach (var community in new[] { world.A, world.B })
        {
            var own = $"own-{run}-{(community == world.A ? "a" : "b")}";
            await world.PublishAsync(own, community);
            var person = await world.AddPersonAsync(community);
            var instance = await world.StartAsync(world.SharedWorkflow, community);
            var task = await world.Admin.PostAsJsonAsync($"/api/communities/{community}/tasks", new
            {
                personId = person, purpose = "ballot", title = "表决",
                data = JsonNode.Parse("""{"options":[{"value":"a","label":"同意"},{"value":"b","label":"不同意"}]}"""),
                instanceId = instance, signalName = "go",
            });
            Assert.True(task.StatusCode == HttpStatusCode.Created, await task.Content.ReadAsStringAsync());
            var body = (await task.Content.ReadFromJsonAsync<JsonObject>())!;
            world.Of[community] = new Owned(person, instance, Guid.Parse((string)body["taskId"]!), new Uri((string)body["link"]!).AbsolutePath, own);
        }
        return world;
    }

    /// <summary>A minimal valid workflow document: Start, then a wait for the signal <c>go</c>.</summary>
    public static StringContent Workflow(string id, string name = "测试流程") => new($$"""
        {
          "id": "{{id}}", "displayName": { "zh-CN": "{{name}}", "en": "Test" },
          "activities": [
            { "id": "start", "type": "Start" },
            { "id": "wait", "type": "WaitForSignal", "inputs": { "signal": { "type": "literal", "value": "go" } } }
          ],
          "connections": [ { "source": "start", "sourcePort": "Done", "target": "wait" } ]
        }
        """, Encoding.UTF8, "application/json");

    /// <summary>Starts an instance of a published workflow in a community, through the administrator.</summary>
    public async Task<Guid> StartAsync(string definitionId, Guid community)
    {
        var started = await Admin.PostAsJsonAsync("/api/instances", new { definitionId, communityId = community });
        Assert.True(started.StatusCode == HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        return Guid.Parse((string)(await started.Content.ReadFromJsonAsync<JsonObject>())!["instanceId"]!);
    }

    private async Task PublishAsync(string id, Guid? community)
    {
        var saved = await Admin.PutAsync($"/api/workflows/{id}{(community is { } c ? $"?communityId={c}" : "")}", Workflow(id));
        Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await Admin.PostAsync($"/api/workflows/{id}/versions/1/publish", null)).StatusCode);
    }

    private async Task<Guid> AddPersonAsync(Guid community)
    {
        await using var db = Host.Services.GetRequiredService<DeliberationDatabase>().CreateContext(tracking: true);
        var person = new Person { Id = Guid.NewGuid(), CommunityId = community, Name = "张三", Roles = PersonRoles.None, CreatedAt = Host.Time.GetUtcNow() };
        db.People.Add(person);
        await db.SaveChangesAsync();
        return person.Id;
    }

    private async Task<Guid> AddCommunityAsync(string code)
    {
        await using var db = Host.Services.GetRequiredService<DeliberationDatabase>().CreateContext(tracking: true);
        var community = new Community { Id = Guid.NewGuid(), Code = code, Name = code + "社区", CreatedAt = Host.Time.GetUtcNow() };
        db.Communities.Add(community);
        await db.SaveChangesAsync();
        return community.Id;
    }

    private async Task<HttpClient> AccountAsync(string email, string role, params Guid[] communities)
    {
        var created = await Admin.PostAsJsonAsync("/api/users", new
        {
            email, displayName = email, password = Password, roles = new[] { role }, communityIds = communities,
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var client = Host.CreateAnonymousClient();
        await TestAccounts.SignInAsync(client, email, Password);
        return client;
    }
}
