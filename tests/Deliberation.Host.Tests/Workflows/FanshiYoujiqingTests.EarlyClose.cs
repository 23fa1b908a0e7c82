using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Deliberation.Civic.Elections;

namespace Deliberation.Host.Tests.Workflows;

/// <summary>Staff close nominations and ballots before their deadlines; the workflow goes on at once, layer by layer.</summary>
public sealed partial class FanshiYoujiqingTests
{
    [Fact]
    public async Task StaffCloseNominationsAndBallotsEarly_BothLayersRunWithoutWaitingForADeadline()
    {
        var world = await SeedAsync();
        var t0 = _host.Time.GetUtcNow();
        var instanceId = await AnchorAsync(world);
        var layerOne = await ElectionsAsync(world, 1);
        var e5 = layerOne.Single(e => e.BuildingGroupId == world.Building5).Id;
        var e6 = layerOne.Single(e => e.BuildingGroupId == world.Building6).Id;
        var zhang1 = await NominateAsync(world, e5, "张一");
        var li1 = await NominateAsync(world, e6, "李一");

        // One of the layer's two elections closed: the workflow still waits for the other.
        await CloseAsync(world, e5, "close-nominations");
        Assert.Equal(["nominations"], await WaitingAsync(instanceId));
        // The last: the ballots go out now, three days before the deadline.
        await CloseAsync(world, e6, "close-nominations");
        Assert.Equal(["ballotDeadline", "reminderDue"], (await WaitingAsync(instanceId)).Order(StringComparer.Ordinal));
        Assert.All(await ElectionsAsync(world, 1), e => Assert.Equal((ElectionStatuses.Balloting, t0), (e.Status, e.NominationsCloseAt)));

        await VoteAsync(LinkIn(await ReceiveAsync(world.Emails["张一"], "请投票")), zhang1);
        await VoteAsync(LinkIn(await ReceiveAsync(world.Emails["张二"], "请投票")), zhang1);
        await VoteAsync(LinkIn(await ReceiveAsync(world.Emails["李一"], "请投票")), li1);
        await CloseAsync(world, e5, "close-ballot");
        Assert.Equal(["ballotDeadline", "reminderDue"], (await WaitingAsync(instanceId)).Order(StringComparer.Ordinal));
        // A closed ballot takes no more votes, and cannot be closed twice.
        var again = await _staff.PostAsync($"/api/communities/{world.Community}/elections/{e5}/close-ballot", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("ballot-not-open", (string)(await again.Content.ReadFromJsonAsync<JsonObject>())!["code"]!);

        // The layer's last ballot closed: counted at once, the pending reminder dropped, layer 2 nominating.
        await CloseAsync(world, e6, "close-ballot");
        Assert.All(await ElectionsAsync(world, 1), e => Assert.Equal(ElectionStatuses.Counted, e.Status));
        Assert.Equal(["nominations"], await WaitingAsync(instanceId));
        Assert.Equal(0, await RemindersAsync(world, "李二"));

        // Layer 2 takes no signal meant for layer 1 (it waits), then closes early the same way.
        var layerTwo = Assert.Single(await ElectionsAsync(world, 2)).Id;
        var rep = await NominateAsync(world, layerTwo, "张一");
        await CloseAsync(world, layerTwo, "close-nominations");
        await VoteAsync(LinkIn(await ReceiveAsync(world.Emails["张一"], "请投票：推选5栋、6栋的利益代表")), rep);
        await CloseAsync(world, layerTwo, "close-ballot");

        var instance = (await _staff.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}"))!;
        Assert.Equal("awaitPlan", (string)Assert.Single(instance["waiting"]!.AsArray())!["activityId"]!);
        Assert.Equal(t0, _host.Time.GetUtcNow());
    }

    private async Task CloseAsync(World world, Guid electionId, string action)
    {
        var response = await _staff.PostAsync($"/api/communities/{world.Community}/elections/{electionId}/{action}", null);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
