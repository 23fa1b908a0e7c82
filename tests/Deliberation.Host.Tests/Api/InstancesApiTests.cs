using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Deliberation.Integrations.Outbox;
using Deliberation.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Host.Tests.Api;

public sealed class InstancesApiTests : IClassFixture<HostFactory>
{
    private readonly HostFactory _host;
    private readonly HttpClient _client;

    public InstancesApiTests(HostFactory host)
    {
        _host = host;
        _client = host.CreateClient();
    }

    private async Task<JsonObject> StartSampleAsync(string remindAfter = "24h", string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/instances")
        {
            Content = JsonContent.Create(new
            {
                definitionId = "sample-reminder",
                input = new { email = "resident@example.com", topic = "5号楼加装电梯", remindAfter },
            }),
        };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private async Task<List<(string Kind, string? Activity, string? Outcome, string? Detail)>> JournalAsync(string id)
    {
        var journal = await _client.GetFromJsonAsync<JsonArray>($"/api/instances/{id}/journal");
        return journal!.Select(j => ((string)j!["kind"]!, (string?)j["activityId"], (string?)j["outcome"], (string?)j["detail"])).ToList();
    }

    private async Task<JsonObject> GetAsync(string id) => (await _client.GetFromJsonAsync<JsonObject>($"/api/instances/{id}"))!;

    [Fact]
    public async Task SampleWorkflow_SignalBeforeTimeout_SuspendsThenResumesAndFinishesOnTheAnswer()
    {
        var started = await StartSampleAsync();
        var id = (string)started["instanceId"]!;
        Assert.Equal("Suspended", (string)started["status"]!);
        Assert.Equal("wait", (string)started["waiting"]![0]!["activityId"]!);

        var response = await _client.PostAsJsonAsync($"/api/instances/{id}/signals/answer", new { agree = false });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var instance = await GetAsync(id);
        Assert.Equal("Finished", (string)instance["instance"]!["status"]!);
        Assert.False((bool)instance["outputs"]!["wait"]!["agree"]!);
        var journal = await JournalAsync(id);
        Assert.Contains(journal, j => j is { Kind: "ActivityCompleted", Activity: "decide", Outcome: "False" });
        Assert.Contains(journal, j => j is { Kind: "ActivityCompleted", Activity: "declined" });
        Assert.Contains(journal, j => j is { Kind: "StimulusReceived", Activity: "wait", Detail: "signal:signal" });
        Assert.Equal("InstanceFinished", journal[^1].Kind);
    }

    [Fact]
    public async Task SampleWorkflow_NoAnswerInTime_SendsReminderAndWaitsAgain()
    {
        var id = (string)(await StartSampleAsync(remindAfter: "2h"))["instanceId"]!;

        _host.Time.Advance(TimeSpan.FromHours(1));
        await _host.TimerPump.FireAllDueAsync(CancellationToken.None);
        Assert.Equal(0, (int)(await GetAsync(id))["variables"]!["reminders"]!);

        _host.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        await _host.TimerPump.FireAllDueAsync(CancellationToken.None);

        var instance = await GetAsync(id);
        Assert.Equal("Suspended", (string)instance["instance"]!["status"]!);
        Assert.Equal(1, (int)instance["variables"]!["reminders"]!);
        Assert.Equal("wait", (string)instance["waiting"]![0]!["activityId"]!);
        var journal = await JournalAsync(id);
        Assert.Contains(journal, j => j is { Kind: "ActivityCompleted", Activity: "wait", Outcome: "TimedOut" });
        Assert.Contains(journal, j => j is { Kind: "ActivityCompleted", Activity: "remind" });
        Assert.Equal(2, journal.Count(j => j is { Kind: "ActivitySuspended", Activity: "wait" }));

        // The answer still ends it after a reminder.
        var answered = await _client.PostAsJsonAsync($"/api/instances/{id}/signals/answer", new { agree = true });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Contains(await JournalAsync(id), j => j is { Kind: "ActivityCompleted", Activity: "agreed" });
    }

    [Fact]
    public async Task ResumeBookmark_AlreadyConsumed_Answers409AndChangesNothing()
    {
        var started = await StartSampleAsync();
        var id = (string)started["instanceId"]!;
        var bookmark = (string)started["waiting"]![0]!["bookmarks"]!.AsArray().First(b => (string)b!["tag"]! == "signal")!["id"]!;
        var first = await _client.PostAsJsonAsync($"/api/instances/{id}/bookmarks/{bookmark}/resume", new { agree = true });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var journalBefore = await JournalAsync(id);

        var second = await _client.PostAsJsonAsync($"/api/instances/{id}/bookmarks/{bookmark}/resume", new { agree = false });

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        var problem = await second.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("bookmark-consumed", (string)problem!["code"]!);
        Assert.Contains("already consumed", (string)problem["detail"]!);
        Assert.Equal(journalBefore.Count, (await JournalAsync(id)).Count);
    }

    [Fact]
    public async Task Signal_RepeatedWithSameIdempotencyKey_ReturnsFirstResult()
    {
        var id = (string)(await StartSampleAsync())["instanceId"]!;
        async Task<HttpResponseMessage> SendAsync(object payload)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/instances/{id}/signals/answer") { Content = JsonContent.Create(payload) };
            request.Headers.Add("Idempotency-Key", "answer-once");
            return await _client.SendAsync(request);
        }

        var first = await SendAsync(new { agree = true });
        var journalAfterFirst = await JournalAsync(id);
        var repeat = await SendAsync(new { agree = true });
        var different = await SendAsync(new { agree = false });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        var firstBody = await first.Content.ReadFromJsonAsync<JsonObject>();
        var repeatBody = await repeat.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal((string)firstBody!["status"]!, (string)repeatBody!["status"]!);
        Assert.True((bool)repeatBody["replayed"]!);
        Assert.Equal(journalAfterFirst.Count, (await JournalAsync(id)).Count);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, different.StatusCode);
    }

    [Fact]
    public async Task Start_RepeatedWithSameIdempotencyKey_CreatesOneInstance()
    {
        var first = await StartSampleAsync(key: "start-once");
        var second = await StartSampleAsync(key: "start-once");

        Assert.Equal((string)first["instanceId"]!, (string)second["instanceId"]!);
        Assert.True((bool)second["replayed"]!);
    }

    [Fact]
    public async Task Start_MissingRequiredInput_Answers400WithTheField()
    {
        var response = await _client.PostAsJsonAsync("/api/instances", new { definitionId = "sample-reminder", input = new { email = "a@example.com" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.NotNull(problem!["errors"]!["topic"]);
    }

    [Fact]
    public async Task Cancel_WaitingInstance_CancelsItsTimers()
    {
        var id = (string)(await StartSampleAsync(remindAfter: "1h"))["instanceId"]!;

        var response = await _client.PostAsync($"/api/instances/{id}/cancel", null);
        _host.Time.Advance(TimeSpan.FromHours(2));
        await _host.TimerPump.FireAllDueAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var instance = await GetAsync(id);
        Assert.Equal("Cancelled", (string)instance["instance"]!["status"]!);
        Assert.DoesNotContain(await JournalAsync(id), j => j.Kind == "StimulusReceived" && j.Detail == "timer:timeout");
        var again = await _client.PostAsync($"/api/instances/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task List_FilterByStatus_ReturnsMatchingInstances()
    {
        var id = (string)(await StartSampleAsync())["instanceId"]!;

        var page = await _client.GetFromJsonAsync<JsonObject>("/api/instances?definitionId=sample-reminder&status=Suspended&take=500");

        Assert.Contains(page!["items"]!.AsArray(), i => (string)i!["id"]! == id);
        Assert.All(page["items"]!.AsArray(), i => Assert.Equal("Suspended", (string)i!["status"]!));
    }

    [Theory]
    [InlineData("Completed")]
    [InlineData("1")]
    [InlineData("<script>")]
    public async Task List_UnknownStatus_IsRefusedAtTheFieldInChinese_InsteadOfListingNothing(string status)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/instances?status={Uri.EscapeDataString(status)}");
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");

        var response = await _client.SendAsync(request);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("instance-status", (string)problem["errorCodes"]!["status"]![0]!);
        Assert.Equal("未知的状态，请使用以下之一：Suspended, Finished, Cancelled, Faulted。", (string)problem["errors"]!["status"]![0]!);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await _client.GetAsync("/api/instances?status=finished")).StatusCode);
    }

    [Fact]
    public async Task SampleWorkflow_Start_WritesTheChineseEmailToThePickupFolder()
    {
        var id = (string)(await StartSampleAsync())["instanceId"]!;

        await _host.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(100, CancellationToken.None);

        var outbox = await _host.Services.GetRequiredService<InstanceQueries>().OutboxAsync(Guid.Parse(id), CancellationToken.None);
        var sent = Assert.Single(outbox);
        Assert.NotNull(sent.SentAt);
        var file = Directory.GetFiles(Path.Combine(_host.DataPath, "mail", "pickup"), $"*{sent.Id:N}.eml").Single();
        var message = await MimeKit.MimeMessage.LoadAsync(file);
        Assert.Equal("请就“5号楼加装电梯”发表意见", message.Subject);
        Assert.Contains("社区正在就“5号楼加装电梯”征询意见", message.TextBody);
        Assert.Equal($"{sent.Id:N}@deliberation.local", message.MessageId);
        Assert.Equal("resident@example.com", message.To.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task Start_PickedBuildingOfAnotherCommunity_IsRefusedAtTheFieldInChinese_AndStartsNothing()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        async Task<string> CreateAsync(string path, object body) =>
            (string)(await (await _client.PostAsJsonAsync(path, body)).Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var ours = await CreateAsync("/api/communities", new { code = "ours-" + suffix, name = "本社区" });
        var theirs = await CreateAsync("/api/communities", new { code = "theirs-" + suffix, name = "别的社区" });
        await _client.PostAsJsonAsync($"/api/communities/{ours}/precincts", new { name = "东苑" });
        await _client.PostAsJsonAsync($"/api/communities/{theirs}/precincts", new { name = "西苑" });
        var ourBuilding = await CreateAsync($"/api/communities/{ours}/building-groups", new { precinctName = "东苑", name = "1栋" });
        var theirBuilding = await CreateAsync($"/api/communities/{theirs}/building-groups", new { precinctName = "西苑", name = "9栋" });
        var id = "picked-" + suffix;
        var draft = JsonNode.Parse($$"""
            {
              "id": "{{id}}",
              "inputs": [ { "name": "building", "type": "text", "required": true, "picker": "buildingGroup" } ],
              "activities": [ { "id": "start", "type": "Start" }, { "id": "end", "type": "End" } ],
              "connections": [ { "source": "start", "target": "end" } ]
            }
            """);
        Assert.True((await _client.PutAsJsonAsync($"/api/workflows/{id}?communityId={ours}", draft)).IsSuccessStatusCode);
        Assert.True((await _client.PostAsync($"/api/workflows/{id}/versions/1/publish", null)).IsSuccessStatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/instances")
        {
            Content = JsonContent.Create(new { definitionId = id, communityId = ours, input = new { building = theirBuilding } }),
        };
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var refused = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(("invalid-input", "input-not-in-community"), ((string)problem["code"]!, (string)problem["errorCodes"]!["building"]![0]!));
        Assert.StartsWith("请从本社区的名单中选择", (string)problem["errors"]!["building"]![0]!, StringComparison.Ordinal);
        Assert.Equal(0, (int)(await _client.GetFromJsonAsync<JsonObject>($"/api/instances?definitionId={id}"))!["total"]!);
        var started = await _client.PostAsJsonAsync("/api/instances", new { definitionId = id, communityId = ours, input = new { building = ourBuilding } });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
    }

    [Fact]
    public async Task Get_UnknownInstance_Answers404Problem()
    {
        var response = await _client.GetAsync($"/api/instances/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("instance-not-found", (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["code"]!);
    }
}
