using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Deliberation.Persistence;
using Deliberation.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Host.Tests.Hosting;

public sealed class RestartTests : IDisposable
{
    private readonly string _data = TestPaths.NewTempFolder();

    [Fact]
    public async Task KilledHost_RestartedOnSameDatabase_FiresThePendingTimerOnce()
    {
        string id;
        await using (var first = await HostProcess.StartAsync(_data, TestAccounts.Settings))
        {
            using var client = first.CreateAnonymousClient();
            await TestAccounts.SignInAsync(client);
            var response = await client.PostAsJsonAsync("/api/instances", new
            {
                definitionId = "sample-reminder",
                input = new { email = "resident@example.com", topic = "CCTV 盲区", remindAfter = "6s" },
            });
            var started = await response.Content.ReadFromJsonAsync<JsonObject>();
            id = (string)started!["instanceId"]!;
            Assert.Equal("Suspended", (string)started["status"]!);
            first.Kill();
        }

        await using var second = await HostProcess.StartAsync(_data, TestAccounts.Settings);
        using var http = second.CreateAnonymousClient();
        await TestAccounts.SignInAsync(http);
        var timerFired = await PollAsync(async () =>
        {
            var journal = await http.GetFromJsonAsync<JsonArray>($"/api/instances/{id}/journal");
            return journal!.Count(j => (string?)j!["detail"] == "timer:timeout");
        }, count => count >= 1, TimeSpan.FromSeconds(30));

        Assert.True(timerFired >= 1, "The pending timer never fired after the restart.");
        // The workflow re-arms a new 6 s timer after each reminder, so on a slow machine a second timer may have fired by
        // now. The invariant is per timer: each one fired once, and each firing sent exactly one reminder. Cancelling first
        // stops the next timer, so that the journal and the variables are read at rest.
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync($"/api/instances/{id}/cancel", null)).StatusCode);
        var instance = await http.GetFromJsonAsync<JsonObject>($"/api/instances/{id}");
        var journal = (await http.GetFromJsonAsync<JsonArray>($"/api/instances/{id}/journal"))!;
        var fired = journal.Where(j => (string?)j!["detail"] == "timer:timeout").Select(j => (string?)j!["bookmarkId"]).ToList();
        Assert.All(fired, b => Assert.False(string.IsNullOrEmpty(b)));
        Assert.Equal(fired.Count, fired.Distinct().Count());
        var reminded = journal.Count(j => (string?)j!["activityId"] == "remind" && (string?)j["kind"] == "ActivityCompleted");
        Assert.Equal(fired.Count, reminded);
        Assert.Equal(reminded, (int)instance!["variables"]!["reminders"]!);
        Assert.Equal("Cancelled", (string)instance["instance"]!["status"]!);
    }

    [Fact]
    public async Task KilledHost_SignalCommittedButNotDelivered_RestartDeliversItOnce()
    {
        string id;
        await using (var first = await HostProcess.StartAsync(_data, TestAccounts.Settings))
        {
            using var client = first.CreateAnonymousClient();
            await TestAccounts.SignInAsync(client);
            var response = await client.PostAsJsonAsync("/api/instances", new
            {
                definitionId = "sample-reminder",
                input = new { email = "resident@example.com", topic = "电动车充电点", remindAfter = "1h" },
            });
            id = (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["instanceId"]!;
            first.Kill();
        }
        // What a host leaves behind when it dies between committing a change with its signal and delivering it: the row.
        var signalId = Guid.CreateVersion7();
        using (var database = new DeliberationDatabase(new DatabaseOptions { ConnectionString = $"Data Source={Path.Combine(_data, "deliberation.db")}" }))
        await using (var db = database.CreateContext(tracking: true))
        {
            db.Signals.Add(new SignalRow
            {
                Id = signalId, InstanceId = Guid.Parse(id), Name = "answer", Payload = """{"agree":true}""", CreatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        await using var second = await HostProcess.StartAsync(_data, TestAccounts.Settings);
        using var http = second.CreateAnonymousClient();
        await TestAccounts.SignInAsync(http);
        var status = await PollAsync(async () => (string?)(await http.GetFromJsonAsync<JsonObject>($"/api/instances/{id}"))!["instance"]!["status"],
            s => s == "Finished", TimeSpan.FromSeconds(30));

        Assert.True(status == "Finished", $"The instance is {status} after the restart.\n{second.Output}");
        var journal = (await http.GetFromJsonAsync<JsonArray>($"/api/instances/{id}/journal"))!;
        Assert.Single(journal, j => (string?)j!["kind"] == "StimulusReceived" && (string?)j["detail"] == "signal:signal");
        Assert.Contains(journal, j => (string?)j!["activityId"] == "agreed");
        Assert.Empty((await http.GetFromJsonAsync<JsonObject>($"/api/instances/{id}"))!["queuedSignals"]!.AsArray());
    }

    private static async Task<T> PollAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline) return value;
            await Task.Delay(250);
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { /* best effort */ }
    }
}
