using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Deliberation.Integrations.Timers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Deliberation.Host.Tests.Hosting;

/// <summary>The same host on PostgreSQL: its migrations apply and a workflow runs, times out and resumes.</summary>
public sealed class PostgresTests(PostgresCluster cluster) : IClassFixture<PostgresCluster>
{
    [Fact]
    public async Task SampleWorkflow_OnPostgres_TimesOutRemindsAndFinishes()
    {
        await cluster.CreateDatabaseAsync("deliberation_sample");
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));
        var data = TestPaths.NewTempFolder();
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseContentRoot(TestPaths.RepositoryRoot);
            builder.UseSetting("Deliberation:DataPath", data);
            builder.UseSetting("Deliberation:Database:Provider", "PostgreSql");
            builder.UseSetting("Deliberation:Database:ConnectionString", cluster.ConnectionString("deliberation_sample"));
            builder.UseSetting("Deliberation:Hangfire:Storage", "PostgreSql");
            foreach (var (key, value) in TestAccounts.Settings) builder.UseSetting(key, value);
            builder.UseSetting("Deliberation:BackgroundLoops", "false");
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(time));
        });
        var client = factory.CreateClient();
        await TestAccounts.SignInAsync(client);

        var started = await (await client.PostAsJsonAsync("/api/instances", new
        {
            definitionId = "sample-reminder",
            input = new { email = "resident@example.com", topic = "电动车充电点", remindAfter = "1h" },
        })).Content.ReadFromJsonAsync<JsonObject>();
        var id = (string)started!["instanceId"]!;
        time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        await factory.Services.GetRequiredService<TimerPump>().FireAllDueAsync(CancellationToken.None);
        var afterTimeout = await client.GetFromJsonAsync<JsonObject>($"/api/instances/{id}");
        var answer = await client.PostAsJsonAsync($"/api/instances/{id}/signals/answer", new { agree = true });
        var again = await client.PostAsJsonAsync($"/api/instances/{id}/signals/answer", new { agree = true });

        Assert.Equal("Suspended", (string)started["status"]!);
        Assert.Equal(1, (int)afterTimeout!["variables"]!["reminders"]!);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("Finished", (string)(await answer.Content.ReadFromJsonAsync<JsonObject>())!["status"]!);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var journal = await client.GetFromJsonAsync<JsonArray>($"/api/instances/{id}/journal");
        Assert.Contains(journal!, j => (string?)j!["detail"] == "timer:timeout");
        Assert.Equal("InstanceFinished", (string)journal![^1]!["kind"]!);
    }
}
