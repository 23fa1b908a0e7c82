using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Deliberation.Host.Tests.Hosting;

/// <summary>
/// Two host processes on one PostgreSQL database and one real SMTP server drive 200 workflow instances at once: each
/// sends an email, waits on a timer (fired by whichever host claims it) and takes a signal sent to the other host. Every instance
/// finishes, every activity of every instance completes exactly once, and every email arrives exactly once.
/// </summary>
[Trait("Category", "ScaleOut")]
public sealed class TwoHostWorkloadPostgresTests(PostgresCluster cluster) : IClassFixture<PostgresCluster>, IAsyncLifetime
{
    private const int Instances = 200;
    private readonly SmtpServer _smtp = new();
    private readonly string _dataOne = TestPaths.NewTempFolder();
    private readonly string _dataTwo = TestPaths.NewTempFolder();

    public Task InitializeAsync() => _smtp.StartAsync();

    public async Task DisposeAsync()
    {
        await _smtp.DisposeAsync();
        foreach (var folder in new[] { _dataOne, _dataTwo })
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { /* best effort */ }
    }

    private static string Workflow(string id) => $$$"""
        {
          "id": "{{{id}}}", "displayName": { "zh-CN": "两台主机的负载", "en": "Two-host workload" },
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

    [Fact]
    public async Task TwoHosts_TwoHundredInstances_EachFinishes_NoActivityRunsTwice_NoEmailIsSentTwice()
    {
        await cluster.CreateDatabaseAsync("deliberation_two_hosts");
        var settings = PostgresHosts.Settings(cluster, "deliberation_two_hosts", _smtp);
        await using var one = await HostProcess.StartAsync(_dataOne, settings);
        await using var two = await HostProcess.StartAsync(_dataTwo, settings);
        using var clientOne = one.CreateAnonymousClient();
        using var clientTwo = two.CreateAnonymousClient();
        await TestAccounts.SignInAsync(clientOne);
        await TestAccounts.SignInAsync(clientTwo);
        var hosts = new[] { clientOne, clientTwo };
        const string id = "two-host-workload";
        await PostgresHosts.PublishAsync(clientOne, id, Workflow(id));

        // Started on both hosts at once; each instance's signal goes to the other host while its timer still runs.
        var started = new Guid[Instances];
        await Parallel.ForEachAsync(Enumerable.Range(0, Instances), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var response = await hosts[i % 2].PostAsJsonAsync("/api/instances",
                new { definitionId = id, correlationId = $"load-{i:D3}", input = new { email = $"resident{i:D3}@example.com" } }, ct);
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(ct));
            started[i] = Guid.Parse((string)(await response.Content.ReadFromJsonAsync<JsonObject>(ct))!["instanceId"]!);
            // The other host answers once the timer (fired by whichever host's pump claimed it) has moved the instance on.
            var other = hosts[(i + 1) % 2];
            var waitUntil = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (!await WaitsForAsync(other, started[i], "wait", ct))
            {
                Assert.True(DateTime.UtcNow < waitUntil, $"instance {started[i]} never reached the wait for the signal");
                await Task.Delay(250, ct);
            }
            var signal = await other.PostAsJsonAsync($"/api/instances/{started[i]}/signals/go", new { }, ct);
            Assert.True(signal.IsSuccessStatusCode, await signal.Content.ReadAsStringAsync(ct));
        });

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        int completed;
        while ((completed = await CountAsync(clientOne, id, "Finished")) < Instances && DateTime.UtcNow < deadline) await Task.Delay(500);
        Assert.True(completed == Instances, $"{completed} of {Instances} instances finished within two minutes\n{one.Output[^Math.Min(3000, one.Output.Length)..]}");
        var messages = _smtp.ReadMessages();
        while (messages.Count < Instances && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
            messages = _smtp.ReadMessages();
        }

        // Every activity of every instance completed exactly once, whichever host ran which step.
        var twice = new List<string>();
        foreach (var instance in started)
        {
            var journal = (await clientTwo.GetFromJsonAsync<JsonArray>($"/api/instances/{instance}/journal"))!;
            var completions = journal.Where(e => (string?)e!["kind"] == "ActivityCompleted").Select(e => (string)e!["activityId"]!).ToList();
            if (completions.Count != 5 || completions.Distinct().Count() != 5) twice.Add($"{instance}: {string.Join(", ", completions)}");
        }
        Assert.True(twice.Count == 0, "Activities that did not complete exactly once:\n" + string.Join('\n', twice.Take(10)));
        // Every email arrived once: as many distinct Message-IDs and recipients as instances, and no more messages.
        Assert.Equal(Instances, messages.Count);
        Assert.Equal(Instances, messages.Select(m => m.Message.MessageId).Distinct().Count());
        Assert.Equal(Instances, messages.SelectMany(m => m.Recipients).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    private static async Task<bool> WaitsForAsync(HttpClient client, Guid instance, string activityId, CancellationToken cancellationToken)
    {
        var details = (await client.GetFromJsonAsync<JsonObject>($"/api/instances/{instance}", cancellationToken))!;
        return details["waiting"]!.AsArray().Any(w => (string?)w!["activityId"] == activityId);
    }

    private static async Task<int> CountAsync(HttpClient client, string definitionId, string status) =>
        (int)(await client.GetFromJsonAsync<JsonObject>($"/api/instances?definitionId={definitionId}&status={status}&take=1"))!["total"]!;
}
