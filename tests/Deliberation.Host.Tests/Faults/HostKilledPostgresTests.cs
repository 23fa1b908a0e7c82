using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Deliberation.Engine.Runtime;

namespace Deliberation.Host.Tests.Faults;

/// <summary>
/// A host process on PostgreSQL, with a real SMTP server, killed with SIGKILL at three points of a running workload
/// and restarted each time: mid-step (activities run, rows written, transaction not committed), mid-outbox-delivery
/// (the mail server has the message, the row is not marked sent) and between a step's commit and anyone hearing of it
/// (the client's request dies unanswered; queued work is not yet delivered). The crash points are armed through
/// <see cref="CrashPoints.EnvironmentVariable"/>, so each kill lands where it says. The client behaves as a real
/// integration would: a request that died with the host is sent again, with the same Idempotency-Key.
/// Afterwards every instance has finished, every activity completed exactly once, every reminder due arrived with a
/// stable Message-ID (distinct Message-IDs = reminders due) and no more duplicates arrived than there were kills.
/// </summary>
[Trait("Category", "Faults")]
public sealed class HostKilledPostgresTests(PostgresCluster cluster) : IClassFixture<PostgresCluster>, IAsyncLifetime
{
    private const int Instances = 60;
    private const int RemindersPerInstance = 2;
    private const string WorkflowId = "killed-host-workload";
    private static readonly TimeSpan LifeLimit = TimeSpan.FromSeconds(90);
    private readonly SmtpServer _smtp = new();
    private readonly string _data = TestPaths.NewTempFolder();

    public Task InitializeAsync() => _smtp.StartAsync();

    public async Task DisposeAsync()
    {
        await _smtp.DisposeAsync();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { /* best effort */ }
    }

    private const string Workflow = $$$"""
        {
          "id": "{{{WorkflowId}}}", "displayName": { "zh-CN": "被强行终止的主机", "en": "Killed host" },
          "inputs": [ { "name": "email", "type": "text", "required": true } ],
          "activities": [
            { "id": "start", "type": "Start" },
            { "id": "first", "type": "SendEmail", "inputs": {
                "to": { "type": "variable", "value": "email" },
                "subject": { "type": "literal", "value": "提醒一：请确认" },
                "body": { "type": "scriban", "value": "您好：\n\n第一次提醒（{{ instance.id }}）。\n\n社区居委会" } } },
            { "id": "pause", "type": "Delay", "inputs": { "duration": { "type": "literal", "value": "PT1S" } } },
            { "id": "second", "type": "SendEmail", "inputs": {
                "to": { "type": "variable", "value": "email" },
                "subject": { "type": "literal", "value": "提醒二：请确认" },
                "body": { "type": "scriban", "value": "您好：\n\n第二次提醒（{{ instance.id }}）。\n\n社区居委会" } } },
            { "id": "wait", "type": "WaitForSignal", "inputs": { "signal": { "type": "literal", "value": "go" } } },
            { "id": "end", "type": "End" }
          ],
          "connections": [
            { "source": "start", "sourcePort": "Done", "target": "first" },
            { "source": "first", "sourcePort": "Done", "target": "pause" },
            { "source": "pause", "sourcePort": "Done", "target": "second" },
            { "source": "second", "sourcePort": "Done", "target": "wait" },
            { "source": "wait", "sourcePort": "Received", "target": "end" }
          ]
        }
        """;

    [Fact]
    public async Task KilledMidStep_MidDelivery_AfterCommit_AndRestarted_LosesNothing_AndSendsNoMoreDuplicatesThanKills()
    {
        await cluster.CreateDatabaseAsync("deliberation_killed_host");
        var settings = PostgresHosts.Settings(cluster, "deliberation_killed_host", _smtp,
            // A dead host's claims run out after this; the defaults (1 and 2 minutes) would only make the test longer.
            new KeyValuePair<string, string>("Deliberation:Timers:Lease", "00:00:05"), new KeyValuePair<string, string>("Deliberation:Outbox:Lease", "00:00:05"));
        var workload = new Workload();

        // Life 1 publishes the workflow and starts the instances; the host dies before the 30th step commits.
        // Life 2 finishes the starts the kill cut short; the host dies after the SMTP server took the 20th message.
        // Life 3 sends the signals; the host dies after its 10th commit (a timer's or a signal's step).
        // Life 4 is not armed: everything left finishes.
        string?[] lives = [$"{CrashPoints.BeforeStepCommit}:30", $"{CrashPoints.AfterOutboxHandOff}:20", $"{CrashPoints.AfterStepCommit}:10", null];
        var kills = 0;
        foreach (var crashAt in lives)
        {
            KeyValuePair<string, string>[] life = crashAt is null ? settings : [.. settings, new(CrashPoints.EnvironmentVariable, crashAt)];
            HostProcess host;
            try
            {
                host = await HostProcess.StartAsync(_data, life);
            }
            catch (InvalidOperationException ex) when (crashAt is not null && ex.Message.Contains($"Crash point {crashAt.Split(':')[0]} reached", StringComparison.Ordinal))
            {
                // It died at its crash point before it answered its first request (the outbox it took over was that full).
                kills++;
                continue;
            }
            await using var running = host;
            using var client = host.CreateAnonymousClient();
            await workload.DriveAsync(client, host, LifeLimit);
            if (crashAt is null)
            {
                Assert.True(workload.Done, $"The unarmed host did not finish the workload within {LifeLimit}: {workload}\n{Tail(host)}");
                break;
            }
            Assert.True(await host.WaitForExitAsync(TimeSpan.FromSeconds(30)),
                $"Crash point {crashAt} was never reached, so this life tested nothing: {workload}\n{Tail(host)}");
            Assert.Contains($"Crash point {crashAt.Split(':')[0]} reached", host.Output, StringComparison.Ordinal);
            kills++;
        }
        Assert.Equal(3, kills);

        await using var last = await HostProcess.StartAsync(_data, settings);
        using var staff = last.CreateAnonymousClient();
        await TestAccounts.SignInAsync(staff);

        // Every activity of every instance completed exactly once, across four processes.
        var wrong = new List<string>();
        foreach (var instance in workload.Started.Values)
        {
            var details = (await staff.GetFromJsonAsync<JsonObject>($"/api/instances/{instance}"))!;
            var journal = (await staff.GetFromJsonAsync<JsonArray>($"/api/instances/{instance}/journal"))!;
            var completions = journal.Where(e => (string?)e!["kind"] == "ActivityCompleted").Select(e => (string)e!["activityId"]!).ToList();
            if ((string?)details["instance"]!["status"] != "Finished" || completions.Count != 6 || completions.Distinct().Count() != 6)
                wrong.Add($"{instance} {details["instance"]!["status"]}: {string.Join(", ", completions)}");
        }
        Assert.True(workload.Started.Count == Instances && wrong.Count == 0,
            $"{workload.Started.Count} of {Instances} started; instances not finished with each activity once:\n{string.Join('\n', wrong.Take(10))}");

        // Every reminder due arrived, each with its own stable Message-ID; a message sent again after a kill keeps its id.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        var messages = _smtp.ReadMessages();
        while (messages.Select(m => m.Message.MessageId).Distinct().Count() < Instances * RemindersPerInstance && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
            messages = _smtp.ReadMessages();
        }
        var byId = messages.GroupBy(m => m.Message.MessageId).ToList();
        Assert.Equal(Instances * RemindersPerInstance, byId.Count);
        Assert.All(byId, g => Assert.Single(g.Select(m => (m.Message.Subject, string.Join(',', m.Recipients))).Distinct()));
        var perResident = messages.GroupBy(m => m.Recipients.Single(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Select(m => m.Message.Subject).Distinct().Count(), StringComparer.OrdinalIgnoreCase);
        Assert.Equal(Instances, perResident.Count);
        Assert.All(perResident, p => Assert.Equal(RemindersPerInstance, p.Value));
        var duplicates = messages.Count - byId.Count;
        Assert.True(duplicates <= kills, $"{duplicates} duplicate messages after {kills} kills");
        TestPaths.Report("host-killed-postgres",
            $"Host killed 3 times (mid-step, after an SMTP hand-off, after a commit): {Instances} instances finished, each activity once; " +
            $"{byId.Count} reminders due and received, {duplicates} sent twice (same Message-ID), {workload.ResentRequests} requests sent again after a kill.");
    }

    private static string Tail(HostProcess host) => host.Output[^Math.Min(3000, host.Output.Length)..];

    /// <summary>What the client has done so far, carried across the host's lives.</summary>
    private sealed class Workload
    {
        public Dictionary<int, Guid> Started { get; } = [];
        private readonly HashSet<int> _signalled = [];
        private readonly HashSet<int> _finished = [];
        private bool _published;

        public int ResentRequests { get; private set; }

        public bool Done => _finished.Count == Instances;

        /// <summary>
        /// Publishes, starts, signals and watches until everything is done or the host dies (each request that died with it
        /// is sent again in the next life, with the same key), bounded by <paramref name="limit"/>.
        /// </summary>
        public async Task DriveAsync(HttpClient client, HostProcess host, TimeSpan limit)
        {
            var deadline = DateTime.UtcNow + limit;
            try
            {
                await TestAccounts.SignInAsync(client);
                if (!_published)
                {
                    await PostgresHosts.PublishAsync(client, WorkflowId, Workflow);
                    _published = true;
                }
                await Parallel.ForEachAsync(Enumerable.Range(0, Instances).Where(i => !Started.ContainsKey(i)).ToList(),
                    new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/instances")
                        {
                            Content = JsonContent.Create(new { definitionId = WorkflowId, correlationId = $"killed-{i:D2}", input = new { email = $"resident{i:D2}@example.com" } }),
                        };
                        request.Headers.Add("Idempotency-Key", $"start-{i}");
                        var id = await SendAsync(client, request, ct);
                        if (id is null) return;
                        lock (Started) Started[i] = Guid.Parse((string)id["instanceId"]!);
                    });
                while (!Done && !host.HasExited && DateTime.UtcNow < deadline)
                {
                    foreach (var (i, instance) in Started.Where(s => !_finished.Contains(s.Key)).ToList())
                    {
                        var details = await client.GetFromJsonAsync<JsonObject>($"/api/instances/{instance}");
                        if ((string?)details!["instance"]!["status"] == "Finished") _finished.Add(i);
                        else if (!_signalled.Contains(i) && details["waiting"]!.AsArray().Any(w => (string?)w!["activityId"] == "wait"))
                        {
                            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/instances/{instance}/signals/go") { Content = JsonContent.Create(new { }) };
                            request.Headers.Add("Idempotency-Key", $"go-{i}");
                            if (await SendAsync(client, request, CancellationToken.None) is not null) _signalled.Add(i);
                        }
                    }
                    if (!Done) await Task.Delay(200);
                }
            }
            catch (HttpRequestException)
            {
                // The host died under a read: the next life goes on from here. Anything else is a failure.
                if (!await host.WaitForExitAsync(TimeSpan.FromSeconds(10))) throw;
            }
        }

        /// <summary>Sends a request; null when the host died before answering (the request is then sent again next life).</summary>
        private async Task<JsonObject?> SendAsync(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken)
        {
            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException)
            {
                lock (Started) ResentRequests++;
                return null;
            }
            using (response)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                Assert.True(response.IsSuccessStatusCode, $"{request.Method} {request.RequestUri} answered {(int)response.StatusCode}: {body}");
                return JsonNode.Parse(body)!.AsObject();
            }
        }

        public override string ToString() => $"{Started.Count} started, {_signalled.Count} signalled, {_finished.Count} finished";
    }
}
