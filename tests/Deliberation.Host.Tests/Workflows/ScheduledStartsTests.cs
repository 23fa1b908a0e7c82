using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Deliberation.Host.Tests.Api;
using Deliberation.Integrations.Schedules;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Deliberation.Host.Tests.Workflows;

/// <summary>
/// Definitions' schedules (三必做: a residents' deliberation every month): each occurrence starts once per community,
/// whichever host looks, across restarts; only the most recent missed occurrence starts after a gap.
/// </summary>
public sealed class ScheduledStartsTests : IDisposable
{
    // The hosts start on 23 November 2026, 09:00 Beijing time; the schedule fires at 09:00 Beijing time on the 1st.
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private readonly string _data = TestPaths.NewTempFolder();
    private readonly List<HostFactory> _hosts = [];

    private HostFactory NewHost(DateTimeOffset now)
    {
        // Only these tests' schedules: the repository's workflows (sanbizuo starts in every community) are not imported.
        var host = new HostFactory(_data, new FakeTimeProvider(now)) { Settings = { ["Deliberation:ImportWorkflowsOnStart"] = "false" } };
        _hosts.Add(host);
        return host;
    }

    private static ScheduledStarts Scheduler(HostFactory host) => host.Services.GetRequiredService<ScheduledStarts>();

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string Monthly(string id, string schedule) => $$"""
        {
          "id": "{{id}}",
          "displayName": { "zh-CN": "每月居民议事", "en": "Monthly residents' deliberation" },
          "inputs": [ { "name": "topic", "type": "text", "required": true } ],
          "schedule": {{schedule}},
          "activities": [ { "id": "start", "type": "Start" } ],
          "connections": []
        }
        """;

    /// <summary>Creates a community and publishes a shared monthly workflow that starts in it; returns the community.</summary>
    private static async Task<string> PublishMonthlyAsync(HttpClient client, string id, string code)
    {
        var (community, _, _) = await RosterApi.CreateCommunityAsync(client, code);
        var saved = await client.PutAsync($"/api/workflows/{id}",
            Json(Monthly(id, $$"""{ "cron": "0 9 1 * *", "input": { "topic": "本月居民议事" }, "communityIds": [ "{{community}}" ] }""")));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/workflows/{id}/versions/1/publish", null)).StatusCode);
        return community;
    }

    private static async Task<List<JsonNode>> InstancesAsync(HttpClient client, string definitionId)
    {
        var page = await client.GetFromJsonAsync<JsonObject>($"/api/instances?definitionId={definitionId}&take=100");
        return page!["items"]!.AsArray().Select(i => i!).ToList();
    }

    private static DateTimeOffset NineOClockOn(int year, int month, int minutes = 0) => new DateTimeOffset(year, month, 1, 9, minutes, 0, Beijing);

    [Fact]
    public async Task StartDue_MonthlyScheduleOverThreeMonths_StartsOneInstancePerMonth()
    {
        var host = NewHost(Start);
        using var client = host.CreateClient();
        var community = await PublishMonthlyAsync(client, "monthly-three", "SCHED1");
        var scheduler = Scheduler(host);

        // 1 November's occurrence came before the schedule was published: it is not started.
        Assert.Equal(0, await scheduler.StartDueAsync(CancellationToken.None));
        var perRound = new List<int>();
        foreach (var month in new[] { (2026, 12), (2027, 1), (2027, 2) })
        {
            host.Time.SetUtcNow(NineOClockOn(month.Item1, month.Item2).AddSeconds(-1));
            Assert.Equal(0, await scheduler.StartDueAsync(CancellationToken.None));
            host.Time.SetUtcNow(NineOClockOn(month.Item1, month.Item2, minutes: 1));
            perRound.Add(await scheduler.StartDueAsync(CancellationToken.None));
            perRound.Add(await scheduler.StartDueAsync(CancellationToken.None));
        }

        Assert.Equal([1, 0, 1, 0, 1, 0], perRound);
        var instances = await InstancesAsync(client, "monthly-three");
        Assert.Equal(3, instances.Count);
        Assert.All(instances, i => Assert.Equal(community, (string)i["communityId"]!));
        Assert.Equal(
            [NineOClockOn(2026, 12, 1), NineOClockOn(2027, 1, 1), NineOClockOn(2027, 2, 1)],
            instances.Select(i => DateTimeOffset.Parse((string)i["createdAt"]!, System.Globalization.CultureInfo.InvariantCulture)).Order().ToList());
    }

    [Fact]
    public async Task StartDue_HostRestartedOnSameDatabase_NoOccurrenceTwiceNoneLostAndOnlyTheLatestMissedOne()
    {
        string community;
        await using (var first = NewHost(Start))
        {
            using var client = first.CreateClient();
            community = await PublishMonthlyAsync(client, "monthly-restart", "SCHED2");
            first.Time.SetUtcNow(NineOClockOn(2026, 12));
            Assert.Equal(1, await Scheduler(first).StartDueAsync(CancellationToken.None));
            // The host goes down after 1 January's occurrence came, before it looked again.
            first.Time.SetUtcNow(NineOClockOn(2027, 1, minutes: 0).AddSeconds(10));
        }

        await using (var second = NewHost(NineOClockOn(2027, 1, minutes: 5)))
        {
            var scheduler = Scheduler(second);
            // 1 January's occurrence, never started, is started now; 1 December's is not started again.
            Assert.Equal(1, await scheduler.StartDueAsync(CancellationToken.None));
            Assert.Equal(0, await scheduler.StartDueAsync(CancellationToken.None));
        }

        // No host runs through February and March: only 1 March's occurrence starts, once.
        await using var third = NewHost(NineOClockOn(2027, 3, minutes: 30));
        Assert.Equal(1, await Scheduler(third).StartDueAsync(CancellationToken.None));
        Assert.Equal(0, await Scheduler(third).StartDueAsync(CancellationToken.None));
        using var http = third.CreateClient();
        var created = (await InstancesAsync(http, "monthly-restart"))
            .Select(i => DateTimeOffset.Parse((string)i["createdAt"]!, System.Globalization.CultureInfo.InvariantCulture).ToOffset(Beijing)).Order().ToList();
        Assert.Equal([new DateTime(2026, 12, 1), new DateTime(2027, 1, 1), new DateTime(2027, 3, 1)], created.Select(c => c.Date).ToList());
        Assert.All(await InstancesAsync(http, "monthly-restart"), i => Assert.Equal(community, (string)i["communityId"]!));
    }

    [Fact]
    public async Task StartDue_TwoHostsRacingOnOneDatabase_StartEachOccurrenceOnce()
    {
        var a = NewHost(Start);
        using var client = a.CreateClient();
        await PublishMonthlyAsync(client, "monthly-race", "SCHED3");
        var b = NewHost(Start);
        var (left, right) = (Scheduler(a), Scheduler(b));

        var months = new[] { (2026, 12), (2027, 1), (2027, 2), (2027, 3), (2027, 4) };
        foreach (var (year, month) in months)
        {
            a.Time.SetUtcNow(NineOClockOn(year, month));
            b.Time.SetUtcNow(NineOClockOn(year, month));
            var counts = await Task.WhenAll(
                Task.Run(() => left.StartDueAsync(CancellationToken.None)),
                Task.Run(() => right.StartDueAsync(CancellationToken.None)));
            Assert.Equal(1, counts.Sum());
        }

        Assert.Equal(months.Length, (await InstancesAsync(client, "monthly-race")).Count);
    }

    [Fact]
    public async Task StartDue_SharedScheduleInEveryCommunity_StartsInEachThatExistedAtTheOccurrence()
    {
        var host = NewHost(Start);
        using var client = host.CreateClient();
        var (first, _, _) = await RosterApi.CreateCommunityAsync(client, "SCHED6");
        var (second, _, _) = await RosterApi.CreateCommunityAsync(client, "SCHED7");
        var saved = await client.PutAsync("/api/workflows/monthly-all",
            Json(Monthly("monthly-all", """{ "cron": "0 9 1 * *", "input": { "topic": "本月居民议事" }, "allCommunities": true }""")));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/workflows/monthly-all/versions/1/publish", null)).StatusCode);

        host.Time.SetUtcNow(NineOClockOn(2026, 12, minutes: 1));
        Assert.Equal(2, await Scheduler(host).StartDueAsync(CancellationToken.None));
        Assert.Equal(0, await Scheduler(host).StartDueAsync(CancellationToken.None));
        // A community added after 1 December's occurrence starts from the next one, 1 January.
        var (third, _, _) = await RosterApi.CreateCommunityAsync(client, "SCHED8");
        Assert.Equal(0, await Scheduler(host).StartDueAsync(CancellationToken.None));
        host.Time.SetUtcNow(NineOClockOn(2027, 1, minutes: 1));
        Assert.Equal(3, await Scheduler(host).StartDueAsync(CancellationToken.None));

        var started = (await InstancesAsync(client, "monthly-all")).GroupBy(i => (string)i["communityId"]!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int> { [first] = 2, [second] = 2, [third] = 1 }, started);
    }

    [Fact]
    public async Task SaveDraft_EveryCommunityWithAListOrOnOwnWorkflow_RefusedWithCodes()
    {
        var host = NewHost(Start);
        using var client = host.CreateClient();
        var (community, _, _) = await RosterApi.CreateCommunityAsync(client, "SCHED9");
        var both = await client.PutAsync("/api/workflows/monthly-both",
            Json(Monthly("monthly-both", $$"""{ "cron": "0 9 1 * *", "input": { "topic": "x" }, "allCommunities": true, "communityIds": [ "{{community}}" ] }""")));
        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        Assert.Contains((await both.Content.ReadFromJsonAsync<JsonObject>())!["problems"]!.AsArray(),
            p => (string)p!["code"]! == "schedule-communities-both" && (string)p["path"]! == "schedule.communityIds");
        var own = await client.PutAsync($"/api/workflows/monthly-own-all?communityId={community}",
            Json(Monthly("monthly-own-all", """{ "cron": "0 9 1 * *", "input": { "topic": "x" }, "allCommunities": true }""")));
        Assert.Equal(HttpStatusCode.BadRequest, own.StatusCode);
        Assert.Contains((await own.Content.ReadFromJsonAsync<JsonObject>())!["problems"]!.AsArray(), p => (string)p!["code"]! == "schedule-communities-own");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/workflows/monthly-both")).StatusCode);
    }

    [Fact]
    public async Task SaveDraft_InvalidSchedule_RefusedWithFieldErrorsAndNothingChanges()
    {
        var host = NewHost(Start);
        using var client = host.CreateClient();
        var (community, _, _) = await RosterApi.CreateCommunityAsync(client, "SCHED4");
        var cases = new (string Schedule, string Code, string Path)[]
        {
            ($$"""{ "cron": "0 9 32 * *", "input": { "topic": "x" }, "communityIds": [ "{{community}}" ] }""", "invalid-cron", "schedule.cron"),
            ($$"""{ "cron": "every month", "input": { "topic": "x" }, "communityIds": [ "{{community}}" ] }""", "invalid-cron", "schedule.cron"),
            ($$"""{ "cron": "*/5 * * * *", "input": { "topic": "x" }, "communityIds": [ "{{community}}" ] }""", "schedule-too-frequent", "schedule.cron"),
            ($$"""{ "cron": "0 9 1 * *", "timeZone": "Mars/Olympus", "input": { "topic": "x" }, "communityIds": [ "{{community}}" ] }""", "invalid-time-zone", "schedule.timeZone"),
            ($$"""{ "cron": "0 9 1 * *", "communityIds": [ "{{community}}" ] }""", "required", "schedule.input.topic"),
            ($$"""{ "cron": "0 9 1 * *", "input": { "topic": "x", "room": "1" }, "communityIds": [ "{{community}}" ] }""", "unknown-input", "schedule.input.room"),
            ("""{ "cron": "0 9 1 * *", "input": { "topic": "x" } }""", "schedule-communities-required", "schedule.communityIds"),
            ($$"""{ "cron": "0 9 1 * *", "input": { "topic": "x" }, "communityIds": [ "{{Guid.NewGuid()}}" ] }""", "unknown-community", "schedule.communityIds[0]"),
        };

        foreach (var (schedule, code, path) in cases)
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, "/api/workflows/monthly-bad") { Content = Json(Monthly("monthly-bad", schedule)) };
            request.Headers.AcceptLanguage.ParseAdd("zh-CN");
            var response = await client.SendAsync(request);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
            Assert.Equal("invalid-definition", (string)problem!["code"]!);
            Assert.Contains(problem["problems"]!.AsArray(), p => (string)p!["code"]! == code && (string)p["path"]! == path);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/workflows/monthly-bad")).StatusCode);

        // A community's own workflow starts in its own community: it lists none.
        var own = await client.PutAsync($"/api/workflows/monthly-own?communityId={community}",
            Json(Monthly("monthly-own", $$"""{ "cron": "0 9 1 * *", "input": { "topic": "x" }, "communityIds": [ "{{community}}" ] }""")));
        Assert.Equal(HttpStatusCode.BadRequest, own.StatusCode);
        Assert.Contains((await own.Content.ReadFromJsonAsync<JsonObject>())!["problems"]!.AsArray(), p => (string)p!["code"]! == "schedule-communities-own");
        Assert.Equal(0, await Scheduler(host).StartDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Get_ScheduledDefinition_TellsTheNextThreeOccurrencesInBeijingTime()
    {
        var host = NewHost(Start);
        using var client = host.CreateClient();
        var (community, _, _) = await RosterApi.CreateCommunityAsync(client, "SCHED5");
        var saved = await client.PutAsync($"/api/workflows/monthly-own?communityId={community}",
            Json(Monthly("monthly-own", """{ "cron": "0 9 1 * *", "input": { "topic": "本月居民议事" } }""")));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var draft = await client.GetFromJsonAsync<JsonObject>("/api/workflows/monthly-own");
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/workflows/monthly-own/versions/1/publish", null)).StatusCode);
        var published = await client.GetFromJsonAsync<JsonObject>("/api/workflows/monthly-own");

        Assert.False((bool)draft!["schedule"]!["runs"]!);
        var schedule = published!["schedule"]!;
        Assert.True((bool)schedule["runs"]!);
        Assert.Equal("Asia/Shanghai", (string)schedule["timeZone"]!);
        Assert.Equal(["2026-12-01T09:00:00+08:00", "2027-01-01T09:00:00+08:00", "2027-02-01T09:00:00+08:00"],
            schedule["next"]!.AsArray().Select(n => (string)n!).ToList());

        host.Time.SetUtcNow(NineOClockOn(2026, 12, minutes: 1));
        Assert.Equal(1, await Scheduler(host).StartDueAsync(CancellationToken.None));
        Assert.Equal(community, (string)(await InstancesAsync(client, "monthly-own")).Single()["communityId"]!);
    }

    public void Dispose()
    {
        foreach (var host in _hosts) host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { /* best effort */ }
    }
}
