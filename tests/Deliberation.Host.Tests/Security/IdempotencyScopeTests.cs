using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Deliberation.Host.Tests.Security;

/// <summary>Idempotency keys belong to the account that sent them: another account's same key is a different request.</summary>
[Trait("Category", "Security")]
public sealed class IdempotencyScopeTests(HostFactory host) : IClassFixture<HostFactory>
{
    private static async Task<HttpResponseMessage> StartAsync(HttpClient client, string definitionId, Guid community, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/instances") { Content = JsonContent.Create(new { definitionId, communityId = community }) };
        request.Headers.Add("Idempotency-Key", key);
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");
        return await client.SendAsync(request);
    }

    private static async Task<string> InstanceAsync(HttpResponseMessage response) =>
        (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["instanceId"]!;

    [Fact]
    public async Task TheSameKey_FromTwoAccounts_StartsTwoInstances_AndARetryByEachReplaysItsOwn()
    {
        var world = await TwoCommunities.CreateAsync(host);
        var key = "start-" + Guid.NewGuid();

        var mine = await StartAsync(world.StaffA, world.SharedWorkflow, world.A, key);
        var theirs = await StartAsync(world.StaffB, world.SharedWorkflow, world.B, key);
        var other = await StartAsync(world.StaffAB, world.SharedWorkflow, world.A, key);

        Assert.Equal(HttpStatusCode.Created, mine.StatusCode);
        Assert.Equal(HttpStatusCode.Created, theirs.StatusCode);
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        var ids = new[] { await InstanceAsync(mine), await InstanceAsync(theirs), await InstanceAsync(other) };
        Assert.Equal(3, ids.Distinct().Count());
        // A retry by the same account is a replay of its own start, not a new instance.
        Assert.Equal(ids[0], await InstanceAsync(await StartAsync(world.StaffA, world.SharedWorkflow, world.A, key)));
    }

    [Fact]
    public async Task AKeyTooLongOrWithControlCharacters_IsACodedRefusal_AndStartsNothing()
    {
        var world = await TwoCommunities.CreateAsync(host);
        var before = (await world.Admin.GetFromJsonAsync<JsonObject>($"/api/instances?communityId={world.A}"))!["total"]!.GetValue<int>();

        var refused = await StartAsync(world.StaffA, world.SharedWorkflow, world.A, new string('k', 201));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("idempotency-key-invalid", (string)problem["code"]!);
        Assert.StartsWith("Idempotency-Key 无效", (string)problem["title"]!, StringComparison.Ordinal);
        Assert.Equal(before, (await world.Admin.GetFromJsonAsync<JsonObject>($"/api/instances?communityId={world.A}"))!["total"]!.GetValue<int>());
    }
}
