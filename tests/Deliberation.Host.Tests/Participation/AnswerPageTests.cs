using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Deliberation.Civic.Communities;
using Deliberation.Civic.Links;
using Deliberation.Civic.Participation;
using Deliberation.Engine.Definitions;
using Deliberation.Engine.Runtime;
using Deliberation.Engine.Storage;
using Deliberation.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Host.Tests.Participation;

[Trait("Category", "Deliberation")]
public sealed class AnswerPageTests : IClassFixture<HostFactory>
{
    private const string Ballot = """
        {"options":[{"value":"a","label":"同意加装电梯"},{"value":"b","label":"不同意"}],"allowComment":true}
        """;

    private readonly HostFactory _host;
    private readonly HttpClient _staff;
    private readonly HttpClient _resident;

    public AnswerPageTests(HostFactory host)
    {
        _host = host;
        _staff = host.CreateClient();
        _resident = host.CreateAnonymousClient();
    }

    private DeliberationDatabase Database => _host.Services.GetRequiredService<DeliberationDatabase>();

    private DateTimeOffset Now => _host.Time.GetUtcNow();

    /// <summary>A community with two residents, written directly (the roster API is not under test here).</summary>
    private async Task<(Guid Community, Guid PersonA, Guid PersonB)> SeedAsync()
    {
        var community = new Community { Id = Guid.NewGuid(), Code = "c" + Guid.NewGuid().ToString("N")[..12], Name = "大龙社区", CreatedAt = Now };
        Person Resident(string name) => new() { Id = Guid.NewGuid(), CommunityId = community.Id, Name = name, Roles = PersonRoles.None, CreatedAt = Now };
        var a = Resident("张三");
        var b = Resident("李四");
        await using var db = Database.CreateContext();
        db.Communities.Add(community);
        db.People.AddRange(a, b);
        await db.SaveChangesAsync();
        return (community.Id, a.Id, b.Id);
    }

    private async Task<(Guid TaskId, string Path)> CreateTaskAsync(Guid community, Guid person, string purpose = TaskPurposes.Ballot,
        string data = Ballot, DateTimeOffset? closesAt = null, Guid? instanceId = null, string? signalName = null)
    {
        var response = await _staff.PostAsJsonAsync($"/api/communities/{community}/tasks", new
        {
            personId = person,
            purpose,
            title = "5号楼加装电梯方案表决",
            data = JsonNode.Parse(data),
            closesAt,
            instanceId,
            signalName,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var link = (string)body["link"]!;
        Assert.StartsWith("http://127.0.0.1:5080/t/", link);
        return (Guid.Parse((string)body["taskId"]!), new Uri(link).AbsolutePath);
    }

    private async Task<int> AnswerCountAsync(Guid taskId)
    {
        await using var db = Database.CreateContext();
        return await db.TaskAnswers.CountAsync(a => a.TaskId == taskId);
    }

    private async Task<JsonObject> TaskAsync(Guid taskId) => (await _staff.GetFromJsonAsync<JsonObject>($"/api/tasks/{taskId}"))!;

    private Task<HttpResponseMessage> PostAnswerAsync(string path, params (string Name, string Value)[] fields) =>
        _resident.PostAsync(path, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))));

    private static async Task<string> HtmlAsync(HttpResponseMessage response)
    {
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("noindex", response.Headers.GetValues("X-Robots-Tag").Single());
        return await response.Content.ReadAsStringAsync();
    }

    private string Token(Guid taskId, Guid personId, string purpose, int linkVersion = 1) =>
        "/t/" + _host.Services.GetRequiredService<LinkSigner>().Sign(new LinkClaims(taskId, personId, purpose, Now.AddDays(10), linkVersion));

    /// <summary>GET and POST of a refused link both answer <paramref name="status"/> with a page saying so, and record nothing.</summary>
    private async Task AssertRefusedAsync(Guid taskId, string path, HttpStatusCode status, string heading)
    {
        var before = await TaskAsync(taskId);

        var get = await _resident.GetAsync(path);
        var post = await PostAnswerAsync(path, ("choice", "a"));

        Assert.Equal(status, get.StatusCode);
        Assert.Equal(status, post.StatusCode);
        foreach (var html in new[] { await HtmlAsync(get), await HtmlAsync(post) })
        {
            Assert.Contains(heading, html);
            Assert.Contains("楼长或社区居委会", html);
            Assert.Contains("nothing was recorded", html);
            Assert.DoesNotContain("5号楼加装电梯方案表决", html);
            Assert.DoesNotContain("<form", html);
        }
        Assert.Equal(0, await AnswerCountAsync(taskId));
        Assert.Equal(before.ToJsonString(), (await TaskAsync(taskId)).ToJsonString());
    }

    [Fact]
    public async Task Get_ValidLink_ShowsTheFormAndRecordsNothing()
    {
        var (community, person, _) = await SeedAsync();
        var (taskId, path) = await CreateTaskAsync(community, person, closesAt: new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));

        var response = await _resident.GetAsync(path);
        await _resident.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await HtmlAsync(response);
        Assert.Contains("<html lang=\"zh-CN\">", html);
        Assert.Contains("name=\"viewport\"", html);
        Assert.Contains("5号楼加装电梯方案表决", html);
        Assert.Contains("同意加装电梯", html);
        Assert.Contains("<form method=\"post\">", html);
        Assert.Contains("type=\"radio\" name=\"choice\" value=\"a\"", html);
        Assert.Contains("2026年12月1日 18:00", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("http", html.Replace("http-equiv", ""));
        Assert.Equal(0, await AnswerCountAsync(taskId));
    }

    [Fact]
    public async Task Get_LangEn_ShowsEnglishLabels()
    {
        var (community, person, _) = await SeedAsync();
        var (_, path) = await CreateTaskAsync(community, person);

        var html = await HtmlAsync(await _resident.GetAsync(path + "?lang=en"));

        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("Send answer", html);
    }

    [Fact]
    public async Task Post_ValidLink_RecordsTheAnswerAndConfirmsWhatWasRecorded()
    {
        var (community, person, _) = await SeedAsync();
        var (taskId, path) = await CreateTaskAsync(community, person, closesAt: new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));

        var response = await PostAnswerAsync(path, ("choice", "a"), ("comment", "希望<尽快>施工"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await HtmlAsync(response);
        Assert.Contains("已记录您的答复", html);
        Assert.Contains("同意加装电梯", html);
        Assert.Contains("希望&lt;尽快&gt;施工", html);
        Assert.Contains("截止时间（2026年12月1日 18:00）前可以随时修改", html);
        var task = await TaskAsync(taskId);
        Assert.Equal("a", (string)task["current"]!["answer"]!["choice"]!);
        Assert.Equal("希望<尽快>施工", (string)task["current"]!["answer"]!["comment"]!);
        Assert.Equal("link", (string)task["current"]!["channel"]!);
        Assert.Null(task["current"]!["enteredByUserId"]);
    }

    [Fact]
    public async Task Post_SecondAnswer_ChangesTheCurrentAnswerAndKeepsTheHistory()
    {
        var (community, person, _) = await SeedAsync();
        var (taskId, path) = await CreateTaskAsync(community, person);
        await PostAnswerAsync(path, ("choice", "a"));
        _host.Time.Advance(TimeSpan.FromMinutes(5));

        var response = await PostAnswerAsync(path, ("choice", "b"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var task = await TaskAsync(taskId);
        var history = task["history"]!.AsArray();
        Assert.Equal(2, history.Count);
        Assert.Single(history, h => (bool)h!["isCurrent"]!);
        Assert.Equal("b", (string)task["current"]!["answer"]!["choice"]!);
        Assert.Equal("a", (string)history[0]!["answer"]!["choice"]!);
        Assert.Contains("checked", (await _resident.GetStringAsync(path)).Split("value=\"b\"")[1].Split('>')[0]);
    }

    [Fact]
    public async Task Post_NoChoice_Answers400WithTheFormAndRecordsNothing()
    {
        var (community, person, _) = await SeedAsync();
        var (taskId, path) = await CreateTaskAsync(community, person);

        var response = await PostAnswerAsync(path, ("comment", "我还没想好"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await HtmlAsync(response);
        Assert.Contains("请选择一项", html);
        Assert.Contains("我还没想好", html);
        Assert.Equal(0, await AnswerCountAsync(taskId));
    }

    [Fact]
    public async Task Post_MultipleChoices_RecordsThemAll()
    {
        var (community, person, _) = await SeedAsync();
        var (taskId, path) = await CreateTaskAsync(community, person, TaskPurposes.TimePoll,
            """{"options":[{"value":"mon","label":"周一晚 7 点"},{"value":"tue","label":"周二晚 7 点"},{"value":"sat","label":"周六上午"}],"multiple":true}""");

        var response = await PostAnswerAsync(path, ("choices", "sat"), ("choices", "mon"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("周一晚 7 点、周六上午", await HtmlAsync(response));
        var choices = (await TaskAsync(taskId))["current"]!["answer"]!["choices"]!.AsArray().Select(c => (string)c!).ToList();
        Assert.Equal(["mon", "sat"], choices);
    }

    [Fact]
    public async Task TamperedLink_IsRefusedWith403AndChangesNothing()
    {
        var (community, person, _) = await SeedAsync();
        var (taskId, path) = await CreateTaskAsync(community, person);
        var i = path.Length - 5;

        var tampered = path[..i] + (path[i] == 'x' ? 'y' : 'x') + path[(i + 1)..];

        await AssertRefusedAsync(taskId, tampered, HttpStatusCode.Forbidden, "链接无效");
    }

    [Fact]
    public async Task ExpiredLink_IsRefusedWith410AndChangesNothing()
    {
        var (community, person, _) = await SeedAsync();
        var (taskId, path) = await CreateTaskAsync(community, person, closesAt: Now.AddDays(1));

        // The link works for 30 days after the deadline, so that the page can still show what was recorded.
        _host.Time.Advance(TimeSpan.FromDays(31) + TimeSpan.FromSeconds(1));

        await AssertRefusedAsync(taskId, path, HttpStatusCode.Gone, "链接已过期");
    }

    [Fact]
    public async Task LinkOfAnotherPerson_IsRefusedWith403AndChangesNothing()
    {
        var (community, personA, personB) = await SeedAsync();
        var (taskId, _) = await CreateTaskAsync(community, personA);

        await AssertRefusedAsync(taskId, Token(taskId, personB, TaskPurposes.Ballot), HttpStatusCode.Forbidden, "链接与事项不符");
    }

    [Fact]
    public async Task LinkForAnotherPurpose_IsRefusedWith403AndChangesNothing()
    {
        var (community, person, _) = await SeedAsync();
        var (taskId, _) = await CreateTaskAsync(community, person);

        await AssertRefusedAsync(taskId, Token(taskId, person, TaskPurposes.Rsvp), HttpStatusCode.Forbidden, "链接用途不符");
    }

    [Fact]
    public async Task ReissuedLink_OldOneIsRefusedWith410AndTheNewOneWorks()
    {
        var (community, person, _) = await SeedAsync();
        var (taskId, oldPath) = await CreateTaskAsync(community, person);

        var reissued = await _staff.PostAsync($"/api/tasks/{taskId}/reissue-link", null);

        Assert.Equal(HttpStatusCode.OK, reissued.StatusCode);
        var newPath = new Uri((string)(await reissued.Content.ReadFromJsonAsync<JsonObject>())!["link"]!).AbsolutePath;
        Assert.NotEqual(oldPath, newPath);
        await AssertRefusedAsync(taskId, oldPath, HttpStatusCode.Gone, "链接已更换");
        Assert.Equal(HttpStatusCode.OK, (await _resident.GetAsync(newPath)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAnswerAsync(newPath, ("choice", "b"))).StatusCode);
        Assert.Equal(1, await AnswerCountAsync(taskId));
    }

    [Fact]
    public async Task AfterTheDeadline_PageShowsWhatWasRecordedAndPostIsRefused()
    {
        var (community, person, _) = await SeedAsync();
        var (taskId, path) = await CreateTaskAsync(community, person, closesAt: Now.AddHours(1));
        await PostAnswerAsync(path, ("choice", "a"), ("comment", "支持"));

        _host.Time.Advance(TimeSpan.FromHours(2));
        var get = await _resident.GetAsync(path);
        var post = await PostAnswerAsync(path, ("choice", "b"));

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        var html = await HtmlAsync(get);
        Assert.Contains("该事项已截止，答复不能再修改", html);
        Assert.Contains("同意加装电梯", html);
        Assert.DoesNotContain("<form", html);
        Assert.Equal(HttpStatusCode.Conflict, post.StatusCode);
        Assert.Contains("该事项已截止", await HtmlAsync(post));
        var task = await TaskAsync(taskId);
        Assert.True((bool)task["isClosed"]!);
        Assert.Single(task["history"]!.AsArray());
        Assert.Equal("a", (string)task["current"]!["answer"]!["choice"]!);
    }

    [Fact]
    public async Task ProxyAnswer_ByABuildingHead_IsRecordedAsProxyWithWhoEnteredIt()
    {
        var (community, person, _) = await SeedAsync();
        var (taskId, path) = await CreateTaskAsync(community, person);
        var email = $"head-{Guid.NewGuid():N}@test.local";
        var account = await _staff.PostAsJsonAsync("/api/users", new
        {
            email, displayName = "楼长", password = "a-long-enough-password", roles = new[] { "BuildingHead" }, communityIds = new[] { community },
        });
        var buildingHeadAccount = Guid.Parse((string)(await account.Content.ReadFromJsonAsync<JsonObject>())!["id"]!);
        using var buildingHead = _host.CreateAnonymousClient();
        await TestAccounts.SignInAsync(buildingHead, email, "a-long-enough-password");

        // The account is the signed-in one, whatever the body claims.
        var response = await buildingHead.PostAsJsonAsync($"/api/tasks/{taskId}/proxy-answer",
            new { answer = new { choice = "b", comment = "纸质选票" }, enteredByUserId = Guid.NewGuid() });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var current = (await TaskAsync(taskId))["current"]!;
        Assert.Equal("proxy", (string)current["channel"]!);
        Assert.Equal(buildingHeadAccount, Guid.Parse((string)current["enteredByUserId"]!));
        Assert.Equal("b", (string)current["answer"]!["choice"]!);
        Assert.Contains("代为录入", await _resident.GetStringAsync(path));
    }

    [Fact]
    public async Task ProxyAnswer_NotAnOption_Answers400AndRecordsNothing()
    {
        var (community, person, _) = await SeedAsync();
        var (taskId, _) = await CreateTaskAsync(community, person);

        var response = await _staff.PostAsJsonAsync($"/api/tasks/{taskId}/proxy-answer",
            new { answer = new { choice = "maybe" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid-answer", (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["code"]!);
        Assert.Equal(0, await AnswerCountAsync(taskId));
    }

    [Fact]
    public async Task CreateTask_UnknownPurposeAndMissingTitle_Answers400NamingTheFields()
    {
        var (community, person, _) = await SeedAsync();

        var response = await _staff.PostAsJsonAsync($"/api/communities/{community}/tasks", new { personId = person, purpose = "survey" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!;
        Assert.NotNull(errors["purpose"]);
        Assert.NotNull(errors["title"]);
    }

    /// <summary>Starts an instance that waits for the signal <c>ballot-answered</c> and then ends.</summary>
    private async Task<StepReport> StartWaitingInstanceAsync(Guid community)
    {
        var definitions = _host.Services.GetRequiredService<DefinitionService>();
        if (await _host.Services.GetRequiredService<IDefinitionStore>().GetLatestAsync("answer-page-test", CancellationToken.None) is null)
        {
            var draft = await definitions.SaveDraftAsync("""
                {
                  "id": "answer-page-test",
                  "variables": [ { "name": "answer" } ],
                  "activities": [
                    { "id": "start", "type": "Start" },
                    { "id": "wait", "type": "WaitForSignal", "inputs": {
                        "signal": { "type": "literal", "value": "ballot-answered" },
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
        }
        var started = await _host.Services.GetRequiredService<WorkflowRuntime>()
            .StartAsync(new StartRequest("answer-page-test", null, null, null, null, community), CancellationToken.None);
        Assert.Equal(InstanceStatus.Suspended, started.Status);
        return started;
    }

    [Fact]
    [Trait("Category", "Security")]
    public async Task ProxyAnswer_AfterThePersonAnsweredByLink_IsRefusedInChinese_AndTheirAnswerStands()
    {
        var (community, person, _) = await SeedAsync();
        var (taskId, path) = await CreateTaskAsync(community, person);
        Assert.Equal(HttpStatusCode.OK, (await PostAnswerAsync(path, ("choice", "a"))).StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tasks/{taskId}/proxy-answer") { Content = JsonContent.Create(new { answer = new { choice = "b" } }) };
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var refused = await _staff.SendAsync(request);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("answered-by-person", (string)problem["code"]!);
        Assert.Equal("本人已经答复，代填不会覆盖本人的答复", (string)problem["title"]!);
        await using var db = Database.CreateContext();
        var current = await db.TaskAnswers.SingleAsync(a => a.TaskId == taskId && a.IsCurrent);
        Assert.Equal(("link", true), (current.Channel, current.Answer.Contains("\"a\"", StringComparison.Ordinal)));
        Assert.Equal(1, await db.TaskAnswers.CountAsync(a => a.TaskId == taskId));
    }

    [Fact]
    [Trait("Category", "Security")]
    public async Task CreateTask_NamingAnotherCommunitysInstance_IsRefusedAtTheField_AndCreatesNothing()
    {
        var (mine, person, _) = await SeedAsync();
        var (theirs, _, _) = await SeedAsync();
        var theirInstance = await StartWaitingInstanceAsync(theirs);
        await using (var db = Database.CreateContext())
        {
            var before = await db.Tasks.CountAsync(t => t.InstanceId == theirInstance.InstanceId);
            Assert.Equal(0, before);
        }

        var response = await _staff.PostAsJsonAsync($"/api/communities/{mine}/tasks", new
        {
            personId = person, purpose = TaskPurposes.Ballot, title = "表决", data = JsonNode.Parse(Ballot),
            instanceId = theirInstance.InstanceId, signalName = "ballot-answered",
        });

        // Another community's instance is as unknown as one that does not exist: the id in the body must be the caller's.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("instance-unknown", (string)problem["errorCodes"]!["instanceId"]![0]!);
        await using (var db = Database.CreateContext())
            Assert.Equal(0, await db.Tasks.CountAsync(t => t.InstanceId == theirInstance.InstanceId));
        Assert.Equal(InstanceStatus.Suspended, (await _host.Services.GetRequiredService<IWorkflowStore>().GetInstanceAsync(theirInstance.InstanceId, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Post_AnswerRowCannotBeWritten_TheWorkflowStepIsNotCommittedEither()
    {
        var (community, person, _) = await SeedAsync();
        var started = await StartWaitingInstanceAsync(community);
        var (taskId, path) = await CreateTaskAsync(community, person, instanceId: started.InstanceId, signalName: "ballot-answered");
        await using var db = Database.CreateContext();
        var journalBefore = await db.Journal.CountAsync(j => j.InstanceId == started.InstanceId);
        await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER refuse_answers BEFORE INSERT ON task_answers BEGIN SELECT RAISE(ABORT, 'refused by test'); END;");
        HttpResponseMessage response;
        try
        {
            response = await PostAnswerAsync(path, ("choice", "a"));
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER refuse_answers;");
        }

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(0, await AnswerCountAsync(taskId));
        var instance = await _host.Services.GetRequiredService<IWorkflowStore>().GetInstanceAsync(started.InstanceId, CancellationToken.None);
        Assert.Equal(InstanceStatus.Suspended, instance!.Status);
        Assert.Equal(journalBefore, await db.Journal.CountAsync(j => j.InstanceId == started.InstanceId));
        Assert.Equal(HttpStatusCode.OK, (await PostAnswerAsync(path, ("choice", "a"))).StatusCode);
    }

    [Fact]
    public async Task Post_TaskOfAWaitingInstance_ResumesTheInstanceInTheSameTransaction()
    {
        var (community, person, _) = await SeedAsync();
        var started = await StartWaitingInstanceAsync(community);
        var (taskId, path) = await CreateTaskAsync(community, person, instanceId: started.InstanceId, signalName: "ballot-answered");

        var response = await PostAnswerAsync(path, ("choice", "a"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var instance = await _host.Services.GetRequiredService<IWorkflowStore>().GetInstanceAsync(started.InstanceId, CancellationToken.None);
        Assert.Equal(InstanceStatus.Finished, instance!.Status);
        var answer = instance.State.Variables["answer"]!;
        Assert.Equal("a", (string)answer["choice"]!);
        Assert.Equal(taskId.ToString(), (string)answer["taskId"]!);
        Assert.Equal(person.ToString(), (string)answer["personId"]!);
        Assert.Equal("link", (string)answer["channel"]!);
        var current = (await TaskAsync(taskId))["current"]!;
        Assert.Equal((string)answer["answerId"]!, (string)current["id"]!);

        // The workflow has moved on, but the answer can still change until the task closes: it is recorded alone.
        var changed = await PostAnswerAsync(path, ("choice", "b"));

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(2, await AnswerCountAsync(taskId));
        Assert.Equal("b", (string)(await TaskAsync(taskId))["current"]!["answer"]!["choice"]!);
    }
}
