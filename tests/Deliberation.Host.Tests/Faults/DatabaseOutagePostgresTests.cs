using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Deliberation.Host.Tests.Api;
using Npgsql;

namespace Deliberation.Host.Tests.Faults;

/// <summary>
/// PostgreSQL stopped and started again under load. Two host processes share one private PostgreSQL cluster (Hangfire's
/// storage too) and one real SMTP server; staff start instances (an email, a timer, a signal) and send signals through
/// both, with Idempotency-Keys, and a resident answers through a signed link. Once some signals have gone through the
/// server is stopped (<c>pg_ctl stop -m fast</c>) for several seconds while the requests keep coming, then started again
/// on the same port and data folder. While it is down every request answers 503 <c>database-unavailable</c>, localised,
/// with Retry-After (the answer pages a page saying so) and /health answers 503; nothing answers 500. Afterwards the
/// hosts recover by themselves: /health answers 200, the timer pump, the outbox and Hangfire carry on, every instance
/// finishes with each activity completed once, every email arrives once, and each loop logged the outage once.
/// </summary>
[Trait("Category", "Faults")]
public sealed class DatabaseOutagePostgresTests(PostgresCluster cluster) : IClassFixture<PostgresCluster>, IAsyncLifetime
{
    private const int Instances = 60;
    private const string LoadWorkflow = "outage-workload";
    private const string AnswerWorkflow = "outage-answer";
    // Longer than the slowest loop's round (telling staff of incidents, every 5 s), so that every loop meets the outage.
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(8);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    private readonly SmtpServer _smtp = new();
    private readonly string _dataOne = TestPaths.NewTempFolder();
    private readonly string _dataTwo = TestPaths.NewTempFolder();
    private readonly ConcurrentQueue<Reply> _replies = new();
    private int _signalled;

    /// <summary>One answer a host gave during the run.</summary>
    private sealed record Reply(string Request, HttpStatusCode Status, string? MediaType, string? Code, string? Title, bool RetryAfter, string Body);

    public Task InitializeAsync() => _smtp.StartAsync();

    public async Task DisposeAsync()
    {
        await _smtp.DisposeAsync();
        foreach (var folder in new[] { _dataOne, _dataTwo })
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { /* best effort */ }
    }

    [Fact]
    public async Task PostgresStoppedUnderLoad_RequestsAnswer503_HostsRecoverAlone_NothingLostOrDoneTwice()
    {
        // Arrange: two hosts on one database, a published workload, a resident with two open tasks.
        await cluster.CreateDatabaseAsync("deliberation_outage");
        var settings = PostgresHosts.Settings(cluster, "deliberation_outage", _smtp, new KeyValuePair<string, string>("Deliberation:Hangfire:Storage", "PostgreSql"));
        await using var one = await HostProcess.StartAsync(_dataOne, settings);
        await using var two = await HostProcess.StartAsync(_dataTwo, settings);
        using var staffOne = one.CreateAnonymousClient();
        using var staffTwo = two.CreateAnonymousClient();
        using var resident = one.CreateAnonymousClient();
        await TestAccounts.SignInAsync(staffOne);
        await TestAccounts.SignInAsync(staffTwo);
        var hosts = new[] { staffOne, staffTwo };
        await PostgresHosts.PublishAsync(staffOne, LoadWorkflow, LoadDefinition(LoadWorkflow));
        await PostgresHosts.PublishAsync(staffOne, AnswerWorkflow, AnswerDefinition(AnswerWorkflow));
        var (answerInstances, links) = await OpenTasksAsync(staffOne, count: 2);

        // Act: the load runs; once signals have gone through, PostgreSQL stops for a while and starts again.
        var clock = Stopwatch.StartNew();
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        var started = new Guid[Instances];
        var signalledAt = new DateTime[Instances];
        var load = Task.WhenAll(Enumerable.Range(0, Instances).Select(async i =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100 * i));
            var host = hosts[i % 2];
            var other = hosts[(i + 1) % 2];
            var created = await UntilServedAsync(() => SendAsync(host, HttpMethod.Post, "/api/instances", $"start-{i}",
                JsonContent.Create(new { definitionId = LoadWorkflow, correlationId = $"outage-{i:D2}", input = new { email = $"resident{i:D2}@example.com" } })), deadline);
            Assert.True(created.Status == HttpStatusCode.Created, created.Body);
            started[i] = Guid.Parse((string)JsonNode.Parse(created.Body)!["instanceId"]!);
            while (true)
            {
                var details = await UntilServedAsync(() => SendAsync(other, HttpMethod.Get, $"/api/instances/{started[i]}"), deadline);
                Assert.True(details.Status == HttpStatusCode.OK, details.Body);
                if (JsonNode.Parse(details.Body)!["waiting"]!.AsArray().Any(w => (string?)w!["activityId"] == "wait")) break;
                Assert.True(DateTime.UtcNow < deadline, $"instance {started[i]} never reached the wait for its signal");
                await Task.Delay(Poll);
            }
            // A signal refused with 503 is sent again with the same key: whether or not the first one committed, it counts once.
            var signal = await UntilServedAsync(() => SendAsync(other, HttpMethod.Post, $"/api/instances/{started[i]}/signals/go", $"go-{i}", JsonContent.Create(new { })), deadline);
            Assert.True(signal.Status == HttpStatusCode.OK, signal.Body);
            signalledAt[i] = DateTime.UtcNow;
            Interlocked.Increment(ref _signalled);
        }));

        while (Volatile.Read(ref _signalled) < 10)
        {
            Assert.True(DateTime.UtcNow < deadline && !load.IsFaulted, $"the load did not get ten signals through before the outage\n{load.Exception}");
            await Task.Delay(100);
        }
        var stopping = DateTime.UtcNow;
        await cluster.StopAsync();
        var down = clock.Elapsed;

        // While it is down: 503 with a code, a title in the caller's language and Retry-After; the answer pages say so on a page.
        var healthWhileDown = new[] { await SendAsync(staffOne, HttpMethod.Get, "/health"), await SendAsync(staffTwo, HttpMethod.Get, "/health") };
        var startZh = await SendAsync(staffOne, HttpMethod.Post, "/api/instances", "probe-zh", JsonContent.Create(new { definitionId = LoadWorkflow, input = new { email = "probe@example.com" } }));
        var startEn = await SendAsync(staffTwo, HttpMethod.Post, "/api/instances", "probe-en", JsonContent.Create(new { definitionId = LoadWorkflow, input = new { email = "probe@example.com" } }), "en-GB,en;q=0.9");
        var listWhileDown = await SendAsync(staffTwo, HttpMethod.Get, $"/api/instances?definitionId={LoadWorkflow}");
        var pageZh = await SendAsync(resident, HttpMethod.Get, links[1]);
        var pageEn = await SendAsync(resident, HttpMethod.Get, links[1], language: "en-US");
        var answerWhileDown = await SendAsync(resident, HttpMethod.Post, links[0], content: Choice("yes"));
        var rest = Outage - (clock.Elapsed - down);
        if (rest > TimeSpan.Zero) await Task.Delay(rest);
        await cluster.StartAsync();
        var restarted = DateTime.UtcNow;
        var back = clock.Elapsed;

        // The hosts recover by themselves: healthy again, the resident's answers go through, every driver gets its signal in.
        await Task.WhenAll(WaitHealthyAsync(staffOne, deadline), WaitHealthyAsync(staffTwo, deadline));
        var healthy = clock.Elapsed - back;
        var answered = new[] { await SendAsync(resident, HttpMethod.Post, links[0], content: Choice("yes")), await SendAsync(resident, HttpMethod.Post, links[1], content: Choice("no")) };
        await load.WaitAsync(deadline - DateTime.UtcNow);
        int finished;
        while ((finished = await CountFinishedAsync(staffOne, LoadWorkflow)) < Instances && DateTime.UtcNow < deadline) await Task.Delay(Poll);
        var answerStatuses = new List<string>();
        foreach (var instance in answerInstances)
            answerStatuses.Add((string)(await staffTwo.GetFromJsonAsync<JsonObject>($"/api/instances/{instance}"))!["instance"]!["status"]!);
        var messages = _smtp.ReadMessages();
        while (messages.Count < Instances && DateTime.UtcNow < deadline)
        {
            await Task.Delay(Poll);
            messages = _smtp.ReadMessages();
        }
        var beating = await HangfireServersBeatingSinceAsync(restarted, deadline);
        var finishedAfter = clock.Elapsed - back;

        // Assert: what the hosts answered while the database was down.
        Assert.All(healthWhileDown, h => Assert.Equal(HttpStatusCode.ServiceUnavailable, h.Status));
        foreach (var (reply, title) in new[] { (startZh, "系统暂时连不上数据库，请稍后重试"), (startEn, "The database cannot be reached at the moment; try again shortly"), (listWhileDown, "系统暂时连不上数据库，请稍后重试") })
        {
            Assert.True(reply.Status == HttpStatusCode.ServiceUnavailable, reply.Body);
            Assert.Equal("application/problem+json", reply.MediaType);
            Assert.Equal(("database-unavailable", title, true), (reply.Code, reply.Title, reply.RetryAfter));
        }
        foreach (var (reply, heading) in new[] { (pageZh, "系统暂时无法使用"), (pageEn, "Temporarily unavailable"), (answerWhileDown, "系统暂时无法使用") })
        {
            Assert.True(reply.Status == HttpStatusCode.ServiceUnavailable, reply.Body);
            Assert.Equal(("text/html", true), (reply.MediaType, reply.RetryAfter));
            Assert.Contains(heading, reply.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", reply.Body, StringComparison.Ordinal);
        }
        // Nothing answered 500 or any other server error, at any time; every 503 was the coded one, with Retry-After.
        var replies = _replies.ToList();
        Assert.Empty(replies.Where(r => (int)r.Status >= 500 && r.Status != HttpStatusCode.ServiceUnavailable).Select(r => $"{r.Request}: {(int)r.Status} {r.Body}"));
        Assert.Empty(replies.Where(r => r.Status == HttpStatusCode.ServiceUnavailable && r.Request.Contains(" /api/", StringComparison.Ordinal)
            && (r.Code != "database-unavailable" || !r.RetryAfter)).Select(r => $"{r.Request}: {r.Code} {r.Body}"));
        var refusedByOutage = replies.Count(r => r.Status == HttpStatusCode.ServiceUnavailable && r.Request.Contains(" /api/", StringComparison.Ordinal));

        // The hosts came back by themselves and finished everything: the answers, the instances, the emails, Hangfire's servers.
        Assert.All(answered, a => Assert.True(a.Status == HttpStatusCode.OK, $"{a.Request}: {(int)a.Status} {a.Body}"));
        Assert.Equal(new[] { "Finished", "Finished" }, answerStatuses);
        Assert.True(finished == Instances, $"{finished} of {Instances} instances finished\n{Tail(one)}\n{Tail(two)}");
        Assert.True(beating >= 4, $"{beating} Hangfire servers heartbeat after the restart; four run (two per host)");
        // A signal that got 2xx before the outage was not lost, and one refused during it counted once after a retry:
        // every activity of every instance completed exactly once.
        var signalledBefore = signalledAt.Count(at => at < stopping);
        Assert.InRange(signalledBefore, 10, Instances);
        var twice = new List<string>();
        foreach (var instance in started)
        {
            var journal = (await staffTwo.GetFromJsonAsync<JsonArray>($"/api/instances/{instance}/journal"))!;
            var completions = journal.Where(e => (string?)e!["kind"] == "ActivityCompleted").Select(e => (string)e!["activityId"]!).ToList();
            if (completions.Count != 5 || completions.Distinct().Count() != 5) twice.Add($"{instance}: {string.Join(", ", completions)}");
        }
        Assert.True(twice.Count == 0, "Activities that did not complete exactly once:\n" + string.Join('\n', twice.Take(10)));
        // Every email arrived once: as many distinct Message-IDs and recipients as instances, and no more messages.
        Assert.Equal(Instances, messages.Count);
        Assert.Equal(Instances, messages.Select(m => m.Message.MessageId).Distinct().Count());
        Assert.Equal(Instances, messages.SelectMany(m => m.Recipients).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        // Each loop of each host told of the outage once and of its end once, instead of a line per poll; the refused requests
        // were told once too, by route (an answer page's path holds its token); nothing of ours logged an error.
        foreach (var host in new[] { one, two })
        {
            var output = host.Output;
            foreach (var loop in new[] { "The timer pump", "The outbox dispatcher", "Telling staff of incidents" })
            {
                Assert.Equal(1, Occurrences(output, $"{loop}: the database is unavailable"));
                Assert.Equal(1, Occurrences(output, $"{loop}: the database answers again"));
            }
            Assert.Equal(1, Occurrences(output, "answered 503: the database is unavailable"));
            Assert.All(links, link => Assert.DoesNotContain(link.Split('/')[^1], output, StringComparison.Ordinal));
            Assert.DoesNotContain("fail: Deliberation.", output, StringComparison.Ordinal);
        }
        TestPaths.Report(nameof(DatabaseOutagePostgresTests),
            $"""
            PostgreSQL stopped at {down.TotalSeconds:F1} s for {(back - down).TotalSeconds:F1} s; {signalledBefore} of {Instances} signals were in before it.
            Requests refused with 503 database-unavailable: {refusedByOutage}; of {replies.Count} requests, none answered 500.
            Both hosts healthy {healthy.TotalSeconds:F1} s after the restart; every instance finished, email arrived and Hangfire server beat within {finishedAfter.TotalSeconds:F1} s.
            """);
    }

    private static string LoadDefinition(string id) => $$$"""
        {
          "id": "{{{id}}}", "displayName": { "zh-CN": "数据库中断时的负载", "en": "Load through a database outage" },
          "inputs": [ { "name": "email", "type": "text", "required": true } ],
          "activities": [
            { "id": "start", "type": "Start" },
            { "id": "mail", "type": "SendEmail", "inputs": {
                "to": { "type": "variable", "value": "email" },
                "subject": { "type": "literal", "value": "请确认" },
                "body": { "type": "scriban", "value": "您好：\n\n请确认（{{ instance.id }}）。\n\n社区居委会" } } },
            { "id": "pause", "type": "Delay", "inputs": { "duration": { "type": "literal", "value": "PT2S" } } },
            { "id": "wait", "type": "WaitForSignal", "inputs": { "signal": { "type": "literal", "value": "go" } } },
            { "id": "end", "type": "End" }
          ],
          "connections": [
            { "source": "start", "sourcePort": "Done", "target": "mail" },
            { "source": "mail", "sourcePort": "Done", "target": "pause" },
            { "source": "pause", "sourcePort": "Done", "target": "wait" },
            { "source": "wait", "sourcePort": "Received", "target": "end" }
          ]
        }
        """;

    private static string AnswerDefinition(string id) => $$$"""
        {
          "id": "{{{id}}}", "displayName": { "zh-CN": "居民答复", "en": "A resident's answer" },
          "activities": [
            { "id": "start", "type": "Start" },
            { "id": "wait", "type": "WaitForSignal", "inputs": { "signal": { "type": "literal", "value": "answered" } } },
            { "id": "end", "type": "End" }
          ],
          "connections": [
            { "source": "start", "target": "wait" },
            { "source": "wait", "sourcePort": "Received", "target": "end" }
          ]
        }
        """;

    /// <summary>A community with a roster, and <paramref name="count"/> vote tasks of one resident, each resuming its own instance.</summary>
    private static async Task<(List<Guid> Instances, List<string> Links)> OpenTasksAsync(HttpClient staff, int count)
    {
        var (community, _, _) = await RosterApi.CreateCommunityAsync(staff, "outage");
        var imported = await RosterApi.ImportAsync(staff, community, Encoding.UTF8.GetBytes(RosterApi.ValidRoster), "roster.csv");
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
        var person = (string)(await RosterApi.PeopleAsync(staff, community)).Single(p => (string?)p!["name"] == "王小明")!["id"]!;
        var (instances, links) = (new List<Guid>(), new List<string>());
        for (var i = 0; i < count; i++)
        {
            var started = await staff.PostAsJsonAsync("/api/instances", new { definitionId = AnswerWorkflow, communityId = community });
            Assert.True(started.StatusCode == HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
            instances.Add(Guid.Parse((string)(await started.Content.ReadFromJsonAsync<JsonObject>())!["instanceId"]!));
            var task = await staff.PostAsJsonAsync($"/api/communities/{community}/tasks", new
            {
                personId = person,
                purpose = "vote",
                title = "是否同意更换小区大门",
                data = JsonNode.Parse("""{"options":[{"value":"yes","label":"同意"},{"value":"no","label":"不同意"}]}"""),
                closesAt = DateTimeOffset.UtcNow.AddDays(7),
                instanceId = instances[^1],
                signalName = "answered",
            });
            Assert.True(task.StatusCode == HttpStatusCode.Created, await task.Content.ReadAsStringAsync());
            links.Add(new Uri((string)(await task.Content.ReadFromJsonAsync<JsonObject>())!["link"]!).PathAndQuery);
        }
        return (instances, links);
    }

    private static FormUrlEncodedContent Choice(string value) => new([new("choice", value)]);

    /// <summary>Sends a request and records the answer (status, type, problem code and title, Retry-After) for the checks at the end.</summary>
    private async Task<Reply> SendAsync(HttpClient client, HttpMethod method, string path, string? idempotencyKey = null, HttpContent? content = null,
        string? language = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var problem = mediaType == "application/problem+json" ? JsonNode.Parse(body) : null;
        var reply = new Reply($"{method} {path}", response.StatusCode, mediaType, (string?)problem?["code"], (string?)problem?["title"],
            response.Headers.RetryAfter is not null, body);
        _replies.Enqueue(reply);
        return reply;
    }

    /// <summary>Sends again, as a client told 503 and Retry-After would, until the host serves the request.</summary>
    private static async Task<Reply> UntilServedAsync(Func<Task<Reply>> send, DateTime deadline)
    {
        while (true)
        {
            var reply = await send();
            if (reply.Status != HttpStatusCode.ServiceUnavailable) return reply;
            Assert.True(DateTime.UtcNow < deadline, $"{reply.Request} kept answering 503: {reply.Body}");
            await Task.Delay(Poll);
        }
    }

    private async Task WaitHealthyAsync(HttpClient client, DateTime deadline)
    {
        while ((await SendAsync(client, HttpMethod.Get, "/health")).Status != HttpStatusCode.OK)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{client.BaseAddress} did not become healthy after PostgreSQL came back");
            await Task.Delay(200);
        }
    }

    private static async Task<int> CountFinishedAsync(HttpClient client, string definitionId) =>
        (int)(await client.GetFromJsonAsync<JsonObject>($"/api/instances?definitionId={definitionId}&status=Finished&take=1"))!["total"]!;

    /// <summary>How many Hangfire servers have written a heartbeat since <paramref name="since"/>, waiting for four until the deadline.</summary>
    private async Task<int> HangfireServersBeatingSinceAsync(DateTime since, DateTime deadline)
    {
        while (true)
        {
            await using var connection = new NpgsqlConnection(cluster.ConnectionString("deliberation_outage"));
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT lastheartbeat FROM hangfire.server", connection);
            var beating = 0;
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                    if (DateTime.SpecifyKind(reader.GetDateTime(0), DateTimeKind.Utc) > since) beating++;
            }
            if (beating >= 4 || DateTime.UtcNow >= deadline) return beating;
            await Task.Delay(Poll);
        }
    }

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    private static string Tail(HostProcess host) => host.Output[^Math.Min(4000, host.Output.Length)..];
}
