using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Deliberation.Host.Tests.Hosting;

public sealed class RestartTests : IDisposable
{
    private readonly string _data = TestPaths.NewTempFolder();

    [Fact]
    public async Task KilledHost_RestartedOnSameDatabase_FiresThePendingTimerOnce()
    {
        string id;
        await using (var first = await HostProcess.StartAsync(_data))
        {
            using var client = await first.CreateClientAsync();
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

        await using var second = await HostProcess.StartAsync(_data);
        using var http = await second.CreateClientAsync();
        var timerFired = await PollAsync(async () =>
        {
            var journal = await http.GetFromJsonAsync<JsonArray>($"/api/instances/{id}/journal");
            return journal!.Count(j => (string?)j!["detail"] == "timer:timeout");
        }, count => count >= 1, TimeSpan.FromSeconds(30));

        Assert.Equal(1, timerFired);
        var instance = await http.GetFromJsonAsync<JsonObject>($"/api/instances/{id}");
        Assert.Equal(1, (int)instance!["variables"]!["reminders"]!);
        Assert.Equal("Suspended", (string)instance["instance"]!["status"]!);
        var journal = await http.GetFromJsonAsync<JsonArray>($"/api/instances/{id}/journal");
        Assert.Single(journal!, j => (string?)j!["activityId"] == "remind" && (string?)j["kind"] == "ActivityCompleted");
        await http.PostAsync($"/api/instances/{id}/cancel", null);
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
