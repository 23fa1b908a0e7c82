using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Deliberation.Host.Tests.Issues;

/// <summary>Complaints on PostgreSQL: logging, merge and undo, ranking and anchoring (the domain write inside the workflow's transaction).</summary>
[Trait("Category", "Deliberation")]
public sealed class ComplaintsPostgresTests(PostgresCluster cluster) : IClassFixture<PostgresCluster>
{
    [Fact]
    public async Task LogMergeRankAnchor_OnPostgres_BehaveAsOnSqlite()
    {
        await cluster.CreateDatabaseAsync("deliberation_complaints");
        var data = TestPaths.NewTempFolder();
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseContentRoot(TestPaths.RepositoryRoot);
            builder.UseSetting("Deliberation:DataPath", data);
            builder.UseSetting("Deliberation:Database:Provider", "PostgreSql");
            builder.UseSetting("Deliberation:Database:ConnectionString", cluster.ConnectionString("deliberation_complaints"));
            foreach (var (key, value) in TestAccounts.Settings) builder.UseSetting(key, value);
            builder.UseSetting("Deliberation:BackgroundLoops", "false");
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero))));
        });
        var admin = factory.CreateClient();
        await TestAccounts.SignInAsync(admin);
        var world = await ComplaintWorld.CreateAsync(admin, "pg-complaints");
        var saved = await admin.PutAsync("/api/workflows/pg-issue", new StringContent("""
            {
              "id": "pg-issue",
              "inputs": [ { "name": "caseNumber", "type": "text", "required": true }, { "name": "title", "type": "text" } ],
              "activities": [ { "id": "start", "type": "Start" },
                { "id": "wait", "type": "WaitForSignal", "inputs": { "signal": { "type": "literal", "value": "stakeholders-identified" } } } ],
              "connections": [ { "source": "start", "sourcePort": "Done", "target": "wait" } ]
            }
            """, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/workflows/pg-issue/versions/1/publish", null)).StatusCode);
        var lift = await world.LogAsync(admin, world.Draft("加装电梯", 5, 4, 12, buildings: ["1栋"], reporters: ["张一"]));
        var duplicate = await world.LogAsync(admin, world.Draft("电梯", 4, 4, 3, households: ["2栋-301"], reporters: ["李二"]));

        var merged = await admin.PostAsJsonAsync($"{world.Complaints}/{lift}/merge", new { sourceIds = new[] { duplicate } });
        var rankedMerged = (await admin.GetFromJsonAsync<JsonObject>($"{world.Complaints}/ranking"))!["items"]!.AsArray();
        var unmerged = await admin.PostAsync($"{world.Complaints}/{duplicate}/unmerge", null);
        var anchor = await admin.PostAsJsonAsync($"{world.Complaints}/{lift}/anchor", new { definitionId = "pg-issue" });

        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        Assert.Equal(15, (int)(await merged.Content.ReadFromJsonAsync<JsonObject>())!["complaint"]!["reporterCount"]!);
        Assert.Equal((lift, 5), ((string)Assert.Single(rankedMerged)!["complaintId"]!, (int)rankedMerged[0]!["affectedHouseholds"]!));
        Assert.Equal(HttpStatusCode.OK, unmerged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, anchor.StatusCode);
        var anchored = (await anchor.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(("PG-COMPLAINTS-2026-001", 12), ((string)anchored["complaint"]!["caseNumber"]!, (int)anchored["complaint"]!["reporterCount"]!));
        Assert.Equal((1, 1), ((int)anchored["ranking"]!["rank"]!, (int)anchored["noticesQueued"]!)); // 1栋's head
        var instance = (await admin.GetFromJsonAsync<JsonObject>($"/api/instances/{anchored["instance"]!["instanceId"]}"))!;
        Assert.Equal("PG-COMPLAINTS-2026-001", (string)instance["instance"]!["correlationId"]!);
        Assert.Equal("anchored", (string)(await world.GetAsync(admin, lift))["complaint"]!["status"]!);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"{world.Complaints}/{lift}/anchor", new { definitionId = "pg-issue" })).StatusCode);
    }
}
