using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Deliberation.Civic.Communities;
using Deliberation.Engine.Definitions;
using Deliberation.Engine.Runtime;
using Deliberation.Engine.Storage;
using Deliberation.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Host.Tests.Participation;

/// <summary>Answers on PostgreSQL: the answer and the workflow step it resumes commit in one transaction there too.</summary>
[Trait("Category", "Deliberation")]
public sealed class AnswerPagePostgresTests(PostgresCluster cluster) : IClassFixture<PostgresCluster>
{
    [Fact]
    public async Task AnswerPage_OnPostgres_GetRecordsNothingAndPostResumesTheInstance()
    {
        await cluster.CreateDatabaseAsync("deliberation_answers");
        var data = TestPaths.NewTempFolder();
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseContentRoot(TestPaths.RepositoryRoot);
            builder.UseSetting("Deliberation:DataPath", data);
            builder.UseSetting("Deliberation:Database:Provider", "PostgreSql");
            builder.UseSetting("Deliberation:Database:ConnectionString", cluster.ConnectionString("deliberation_answers"));
            foreach (var (key, value) in TestAccounts.Settings) builder.UseSetting(key, value);
            builder.UseSetting("Deliberation:BackgroundLoops", "false");
        });
        var staff = factory.CreateClient();
        await TestAccounts.SignInAsync(staff);
        var resident = factory.CreateClient();
        var database = factory.Services.GetRequiredService<DeliberationDatabase>();
        var community = new Community { Id = Guid.NewGuid(), Code = "pg-answers", Name = "大龙社区", CreatedAt = DateTimeOffset.UtcNow };
        var person = new Person { Id = Guid.NewGuid(), CommunityId = community.Id, Name = "王小明", CreatedAt = DateTimeOffset.UtcNow };
        await using (var db = database.CreateContext())
        {
            db.Communities.Add(community);
            db.People.Add(person);
            await db.SaveChangesAsync();
        }
        var definitions = factory.Services.GetRequiredService<DefinitionService>();
        var draft = await definitions.SaveDraftAsync("""
            {
              "id": "answer-page-pg",
              "variables": [ { "name": "answer" } ],
              "activities": [
                { "id": "start", "type": "Start" },
                { "id": "wait", "type": "WaitForSignal", "inputs": {
                    "signal": { "type": "literal", "value": "answered" },
                    "resultVariable": { "type": "literal", "value": "answer" } } },
                { "id": "end", "type": "End" }
              ],
              "connections": [
                { "source": "start", "target": "wait" },
                { "source": "wait", "sourcePort": "Received", "target": "end" }
              ]
            }
            """, null, CancellationToken.None);
        await definitions.PublishAsync(draft.DefinitionId, draft.Version, null, CancellationToken.None);
        var started = await factory.Services.GetRequiredService<WorkflowRuntime>()
            .StartAsync(new StartRequest("answer-page-pg", null, null, null, null, community.Id), CancellationToken.None);
        var created = await staff.PostAsJsonAsync($"/api/communities/{community.Id}/tasks", new
        {
            personId = person.Id,
            purpose = "vote",
            title = "是否同意更换小区大门",
            data = JsonNode.Parse("""{"options":[{"value":"yes","label":"同意"},{"value":"no","label":"不同意"}]}"""),
            closesAt = DateTimeOffset.UtcNow.AddDays(7),
            instanceId = started.InstanceId,
            signalName = "answered",
        });
        var body = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        var taskId = Guid.Parse((string)body["taskId"]!);
        var path = new Uri((string)body["link"]!).AbsolutePath;
        async Task<int> AnswersAsync()
        {
            await using var db = database.CreateContext();
            return await db.TaskAnswers.CountAsync(a => a.TaskId == taskId);
        }

        var get = await resident.GetAsync(path);
        var answersAfterGet = await AnswersAsync();
        var first = await resident.PostAsync(path, new FormUrlEncodedContent([new("choice", "yes")]));
        var instance = await factory.Services.GetRequiredService<IWorkflowStore>().GetInstanceAsync(started.InstanceId, CancellationToken.None);
        var second = await resident.PostAsync(path, new FormUrlEncodedContent([new("choice", "no")]));

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(0, answersAfterGet);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(InstanceStatus.Finished, instance!.Status);
        Assert.Equal("yes", (string)instance.State.Variables["answer"]!["choice"]!);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var task = (await staff.GetFromJsonAsync<JsonObject>($"/api/tasks/{taskId}"))!;
        Assert.Equal(2, task["history"]!.AsArray().Count);
        Assert.Equal("no", (string)task["current"]!["answer"]!["choice"]!);
    }
}
