using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Deliberation.Civic.Communities;
using Deliberation.Civic.Participation;
using Deliberation.Engine.Definitions;
using Deliberation.Engine.Messaging;
using Deliberation.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Host.Tests.Mail;

/// <summary>Reissuing a task's link emails the new link to a person who has an email address, through the outbox.</summary>
[Trait("Category", "Deliberation")]
public sealed class ReissueLinkEmailTests : IClassFixture<HostFactory>
{
    private const string Title = "5号楼加装电梯方案表决";
    private const string Ballot = """{"options":[{"value":"a","label":"同意"},{"value":"b","label":"不同意"}]}""";

    private readonly HostFactory _host;
    private readonly HttpClient _staff;
    private readonly HttpClient _resident;

    public ReissueLinkEmailTests(HostFactory host)
    {
        _host = host;
        _staff = host.CreateClient();
        _resident = host.CreateAnonymousClient();
    }

    private DeliberationDatabase Database => _host.Services.GetRequiredService<DeliberationDatabase>();

    /// <summary>A community with a person, written directly (the roster API is not under test here).</summary>
    private async Task<(Guid Community, Guid Person)> SeedAsync(string? email)
    {
        var now = _host.Time.GetUtcNow();
        var community = new Community { Id = Guid.NewGuid(), Code = "c" + Guid.NewGuid().ToString("N")[..12], Name = "大龙社区", CreatedAt = now };
        var person = new Person { Id = Guid.NewGuid(), CommunityId = community.Id, Name = "王芳", Email = email, Roles = PersonRoles.None, CreatedAt = now };
        await using var db = Database.CreateContext();
        db.Communities.Add(community);
        db.People.Add(person);
        await db.SaveChangesAsync();
        return (community.Id, person.Id);
    }

    private async Task<(Guid TaskId, string Link)> CreateTaskAsync(Guid community, Guid person, Guid? instanceId)
    {
        var response = await _staff.PostAsJsonAsync($"/api/communities/{community}/tasks", new
        {
            personId = person,
            purpose = TaskPurposes.Ballot,
            title = Title,
            data = JsonNode.Parse(Ballot),
            closesAt = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero),
            instanceId,
            signalName = instanceId is null ? null : "answer",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (Guid.Parse((string)body["taskId"]!), (string)body["link"]!);
    }

    private async Task<JsonObject> ReissueAsync(Guid taskId)
    {
        var response = await _staff.PostAsync($"/api/tasks/{taskId}/reissue-link", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private async Task<int> OutboxCountAsync()
    {
        await using var db = Database.CreateContext();
        return await db.Outbox.CountAsync();
    }

    [Fact]
    public async Task ReissueLink_PersonWithEmail_EmailsTheNewLinkAndTheOldOneIsRefused()
    {
        var (community, person) = await SeedAsync("wang.fang@example.com");
        // The task's instance is the community's own: a task may only move its own community's workflow.
        var instanceId = await MailTestDriver.StartSampleAsync(_staff, "wang.fang@example.com", "加装电梯", community);
        var (taskId, oldLink) = await CreateTaskAsync(community, person, instanceId);
        var before = await MailTestDriver.OutboxAsync(_host, instanceId);

        var reissued = await ReissueAsync(taskId);

        Assert.True((bool)reissued["emailed"]!);
        var newLink = (string)reissued["link"]!;
        Assert.NotEqual(oldLink, newLink);
        var email = Assert.Single((await MailTestDriver.OutboxAsync(_host, instanceId)).ExceptBy(before.Select(o => o.Id), o => o.Id));
        Assert.Equal(EmailMessage.OutboxKind, email.Kind);
        Assert.Equal(_host.Time.GetUtcNow(), email.CreatedAt);
        var payload = JsonSerializer.Deserialize<EmailMessage>(email.Payload, DefinitionJson.Options)!;
        Assert.Equal(["wang.fang@example.com"], payload.To);
        Assert.Equal($"您的答复链接已更新：{Title}", payload.Subject);
        Assert.Contains(newLink, payload.Body);
        Assert.DoesNotContain(oldLink, payload.Body);
        Assert.Contains("截止时间：2026年12月1日 18:00（北京时间）", payload.Body);
        Assert.Contains("旧链接已经失效", payload.Body);

        var file = await MailTestDriver.DeliverAsync(_host, email.Id);
        var list = await MailTestDriver.HtmlAsync(await _staff.GetAsync("/dev/mailbox"));
        var page = await MailTestDriver.HtmlAsync(await _staff.GetAsync($"/dev/mailbox/{file}"));

        Assert.Contains($"您的答复链接已更新：{Title}", list);
        Assert.Contains($"<a href=\"{newLink}\" rel=\"noreferrer noopener\">", page);
        Assert.Equal(HttpStatusCode.Gone, (await _resident.GetAsync(new Uri(oldLink).AbsolutePath)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _resident.GetAsync(new Uri(newLink).AbsolutePath)).StatusCode);
    }

    [Fact]
    public async Task ReissueLink_PersonWithoutEmail_ReissuesWithoutEmail()
    {
        var (community, person) = await SeedAsync(email: null);
        var (taskId, oldLink) = await CreateTaskAsync(community, person, instanceId: null);
        var outboxBefore = await OutboxCountAsync();

        var reissued = await ReissueAsync(taskId);

        Assert.False((bool)reissued["emailed"]!);
        Assert.Equal(outboxBefore, await OutboxCountAsync());
        Assert.Equal(HttpStatusCode.Gone, (await _resident.GetAsync(new Uri(oldLink).AbsolutePath)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _resident.GetAsync(new Uri((string)reissued["link"]!).AbsolutePath)).StatusCode);
    }

    [Fact]
    public async Task ReissueLink_TaskWithoutInstance_QueuesTheEmailWithoutAnInstance()
    {
        var (community, person) = await SeedAsync("li.lei@example.com");
        var (taskId, _) = await CreateTaskAsync(community, person, instanceId: null);

        var reissued = await ReissueAsync(taskId);

        Assert.True((bool)reissued["emailed"]!);
        await using var db = Database.CreateContext();
        var rows = await db.Outbox.Where(o => o.InstanceId == null).ToListAsync();
        var row = Assert.Single(rows, o => o.Payload.Contains((string)reissued["link"]!, StringComparison.Ordinal));
        var file = await MailTestDriver.DeliverAsync(_host, row.Id);
        Assert.True(File.Exists(Path.Combine(MailTestDriver.PickupFolder(_host), file)));
    }

    [Fact]
    public async Task ReissueLink_UnknownTask_Answers404AndQueuesNothing()
    {
        var outboxBefore = await OutboxCountAsync();

        var response = await _staff.PostAsync($"/api/tasks/{Guid.NewGuid()}/reissue-link", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(outboxBefore, await OutboxCountAsync());
    }
}
