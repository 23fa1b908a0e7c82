using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Deliberation.Host.Tests.Api;
using Deliberation.Integrations.Schedules;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Deliberation.Host.Tests.Workflows;

/// <summary>Two hosts on one PostgreSQL database, each with its own scheduler, racing on the same due occurrences.</summary>
public sealed class ScheduledStartsPostgresTests(PostgresCluster cluster) : IClassFixture<PostgresCluster>
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private HostFactory NewHost(string database)
    {
        var host = new HostFactory(TestPaths.NewTempFolder(), new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero)), ownsData: true);
        host.Settings["Deliberation:Database:Provider"] = "PostgreSql";
        host.Settings["Deliberation:Database:ConnectionString"] = cluster.ConnectionString(database);
        // Only this test's schedule: the repository's workflows (sanbizuo starts in every community) are not imported.
        host.Settings["Deliberation:ImportWorkflowsOnStart"] = "false";
        return host;
    }

    [Fact]
    public async Task StartDue_TwoHostsRacingOnPostgres_StartEachOccurrenceOnce()
    {
        await cluster.CreateDatabaseAsync("deliberation_schedule_race");
        using var a = NewHost("deliberation_schedule_race");
        using var client = a.CreateClient();
        var (community, _, _) = await RosterApi.CreateCommunityAsync(client, "SCHEDPG");
        var definition = $$"""
            {
              "id": "monthly-pg",
              "inputs": [ { "name": "topic", "type": "text", "required": true } ],
              "schedule": { "cron": "0 9 1 * *", "input": { "topic": "本月居民议事" }, "communityIds": [ "{{community}}" ] },
              "activities": [ { "id": "start", "type": "Start" } ],
              "connections": []
            }
            """;
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync("/api/workflows/monthly-pg", new StringContent(definition, Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/workflows/monthly-pg/versions/1/publish", null)).StatusCode);
        using var b = NewHost("deliberation_schedule_race");
        var (left, right) = (a.Services.GetRequiredService<ScheduledStarts>(), b.Services.GetRequiredService<ScheduledStarts>());

        var months = Enumerable.Range(0, 6).Select(m => new DateTimeOffset(2026, 12, 1, 9, 0, 0, Beijing).AddMonths(m)).ToList();
        foreach (var occurrence in months)
        {
            a.Time.SetUtcNow(occurrence);
            b.Time.SetUtcNow(occurrence);
            var counts = await Task.WhenAll(
                Task.Run(() => left.StartDueAsync(CancellationToken.None)),
                Task.Run(() => right.StartDueAsync(CancellationToken.None)));
            Assert.Equal(1, counts.Sum());
        }

        var page = await client.GetFromJsonAsync<JsonObject>("/api/instances?definitionId=monthly-pg&take=100");
        Assert.Equal(months.Count, page!["items"]!.AsArray().Count);
        Assert.All(page["items"]!.AsArray(), i => Assert.Equal(community, (string)i!["communityId"]!));
    }
}
