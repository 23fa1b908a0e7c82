using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Deliberation.Civic.Participation;
using Deliberation.Host.Tests.Api;
using Deliberation.Integrations.Outbox;
using Deliberation.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Host.Tests.EndToEnd;

/// <summary>
/// A host of its own for the case studies' own figures (<see cref="CaseStudyTests"/>): the community set up and the roster
/// imported through the API, fake time pumped explicitly, emails to a real SMTP server (aiosmtpd), and the answers of
/// residents without email entered on their behalf as the paper ballots a building head collects (channel "proxy").
/// </summary>
public sealed class CaseStudyWorld : IAsyncDisposable
{
    private readonly SmtpServer _smtp;
    private readonly HostFactory _host;

    private CaseStudyWorld(SmtpServer smtp, IReadOnlyDictionary<string, string>? settings)
    {
        _smtp = smtp;
        _host = new HostFactory
        {
            Settings =
            {
                ["Deliberation:Mail:SmtpHost"] = "127.0.0.1",
                ["Deliberation:Mail:SmtpPort"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
                ["Deliberation:Mail:SmtpSecurity"] = "None",
            },
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) _host.Settings[key] = value;
        Staff = _host.CreateClient();
    }

    /// <summary>The staff's client (signed in).</summary>
    public HttpClient Staff { get; }

    /// <summary>A run id, so that codes and addresses do not collide.</summary>
    public string Run { get; } = Guid.NewGuid().ToString("N")[..8];

    /// <summary>The community's id, once created.</summary>
    public string Community { get; private set; } = "";

    /// <summary>The community's API root.</summary>
    public string Api => $"/api/communities/{Community}";

    /// <summary>People of the roster by name.</summary>
    public Dictionary<string, string> People { get; } = [];

    /// <summary>Building groups by label (compound and name, e.g. 龙基花园5栋).</summary>
    public Dictionary<string, string> Buildings { get; } = [];

    /// <summary>The current time.</summary>
    public DateTimeOffset Now => _host.Time.GetUtcNow();

    /// <summary>Starts a host mailing through the SMTP server, with more settings (e.g. a PostgreSQL database) when given.</summary>
    public static async Task<CaseStudyWorld> StartAsync(SmtpServer smtp, IReadOnlyDictionary<string, string>? settings = null)
    {
        await smtp.StartAsync();
        return new CaseStudyWorld(smtp, settings);
    }

    /// <summary>A client without a session, as a resident opening an emailed link.</summary>
    public HttpClient CreateAnonymousClient() => _host.CreateAnonymousClient();

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        Staff.Dispose();
        await _host.DisposeAsync();
    }

    /// <summary>An address of this run.</summary>
    public string Email(string local) => $"{local}-{Run}@test.local";

    /// <summary>Creates the community with one precinct and the buildings (compound, name), through the API.</summary>
    public async Task CreateCommunityAsync(string name, params (string Compound, string Name)[] buildings)
    {
        var created = await PostAsync("/api/communities", new { code = "cs-" + Run, name }, HttpStatusCode.Created);
        Community = (string)created["id"]!;
        await PostAsync($"{Api}/precincts", new { name = "第一网格" }, HttpStatusCode.Created);
        foreach (var (compound, building) in buildings)
        {
            var group = await PostAsync($"{Api}/building-groups", new { precinctName = "第一网格", name = building, compound }, HttpStatusCode.Created);
            Buildings[(string)group["label"]!] = (string)group["id"]!;
        }
    }

    /// <summary>Imports roster rows (header 小区,楼栋,单元,房号,建筑面积,姓名,角色,邮箱,户代表) and reads back everyone's id.</summary>
    public async Task ImportRosterAsync(IEnumerable<string> rows)
    {
        var csv = "小区,楼栋,单元,房号,建筑面积,姓名,角色,邮箱,户代表\r\n" + string.Join("\r\n", rows) + "\r\n";
        var response = await RosterApi.ImportAsync(Staff, Community, Encoding.UTF8.GetBytes(csv), "花名册.csv");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        await using var db = Database.CreateContext();
        var id = Guid.Parse(Community);
        foreach (var person in await db.People.Where(p => p.CommunityId == id).ToListAsync()) People[person.Name] = person.Id.ToString();
    }

    /// <summary>Moves the fake time on and fires every timer due.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        _host.Time.Advance(by);
        await _host.TimerPump.FireAllDueAsync(CancellationToken.None);
    }

    /// <summary>Moves the fake time to an instant and fires every timer due.</summary>
    public Task AdvanceToAsync(DateTimeOffset at) => AdvanceAsync(at - Now);

    /// <summary>POSTs and checks the status; returns the body.</summary>
    public async Task<JsonNode> PostAsync(string path, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await Staff.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"POST {path} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text.Length == 0 ? "{}" : text)!;
    }

    /// <summary>PUTs and checks the answer is 200.</summary>
    public async Task PutAsync(string path, object body)
    {
        var response = await Staff.PutAsJsonAsync(path, body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"PUT {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>GETs a JSON body.</summary>
    public async Task<JsonNode> GetAsync(string path)
    {
        var response = await Staff.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>The instance: its waits (apart from the ForEach of the groups' elections), with no incident.</summary>
    public async Task<string[]> WaitingAsync(string instanceId)
    {
        var instance = await GetAsync($"/api/instances/{instanceId}");
        Assert.True(instance["incidents"]!.AsArray().Count == 0, instance["incidents"]!.ToJsonString());
        return [.. instance["waiting"]!.AsArray().Select(w => (string)w!["activityId"]!).Where(w => w != "groupElections").Order(StringComparer.Ordinal)];
    }

    /// <summary>The open tasks of a purpose (of one meeting, when given), with whose they are.</summary>
    public async Task<List<(Guid TaskId, Guid PersonId, string Title)>> OpenTasksAsync(string purpose, string? meetingId = null)
    {
        await using var db = Database.CreateContext();
        var id = Guid.Parse(Community);
        Guid? meeting = meetingId is null ? null : Guid.Parse(meetingId);
        return [.. (await db.Tasks.Where(t => t.CommunityId == id && t.Purpose == purpose && t.ClosedAt == null && (meeting == null || t.MeetingId == meeting)).ToListAsync())
            .Where(t => t.ClosesAt is null || t.ClosesAt > Now).Select(t => (t.Id, t.PersonId, t.Title))];
    }

    /// <summary>Enters an answer on the person's behalf (a paper ballot or a phone call), through the API.</summary>
    public Task ProxyAnswerAsync(Guid taskId, object answer) => PostAsync($"/api/tasks/{taskId}/proxy-answer", new { answer });

    /// <summary>The newest email to the address whose subject has the text (the outbox delivered to the SMTP server first).</summary>
    public Task<MimeKit.MimeMessage> ReceiveAsync(string address, string subjectPart) =>
        EmailedLinks.ReceiveAsync(_smtp, _host.Services.GetRequiredService<OutboxDispatcher>(), address, subjectPart);

    /// <summary>The filed Chinese minutes of a meeting, as archived.</summary>
    public async Task<string> MinutesAsync(string meetingId)
    {
        var record = (await GetAsync($"{Api}/meetings/{meetingId}"))["minutes"]!.AsArray().Single(m => (string)m!["culture"]! == "zh-CN")!;
        return await File.ReadAllTextAsync(Path.Combine(_host.DataPath, "archive", (string)record["markdownPath"]!));
    }

    /// <summary>A service of the host (e.g. the reader of the reply mailbox, which the tests run by hand).</summary>
    public T Service<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    /// <summary>The database, for reading what the API does not list in one call.</summary>
    public DeliberationDatabase Database => _host.Services.GetRequiredService<DeliberationDatabase>();

    /// <summary>
    /// Plans a meeting of the case's panel, answers the time poll (all can make the first of two times) and the invitations for
    /// everyone (as staff on the phone),
    /// lets the poll close and the meeting begin, and records everyone present. Returns the meeting's id and path.
    /// </summary>
    public async Task<(string Id, string Path)> ConveneAsync(string caseId, string name, string instanceId)
    {
        var beijing = TimeSpan.FromHours(8);
        var start = new DateTimeOffset(Now.ToOffset(beijing).Date.AddDays(6).AddHours(19), beijing);
        var planned = await PostAsync($"{Api}/cases/{caseId}/meetings", new
        {
            name, place = "社区党群服务中心二楼会议室", chair = "刘书记", recorder = "小王",
            agenda = new[] { "介绍方案", "讨论", "表决" },
            slots = new[] { start, start.AddDays(1) }.Select(s => new { start = s, end = s.AddHours(2) }).ToArray(),
        }, HttpStatusCode.Created);
        var meetingId = (string)planned["id"]!;
        var path = $"{Api}/meetings/{meetingId}";
        foreach (var poll in await OpenTasksAsync(TaskPurposes.TimePoll, meetingId)) await ProxyAnswerAsync(poll.TaskId, new { choices = new[] { "slot-1" } });
        var view = await GetAsync(path);
        await AdvanceToAsync(DateTimeOffset.Parse((string)view["meeting"]!["pollClosesAt"]!, CultureInfo.InvariantCulture));
        Assert.Equal("scheduled", (string)(await GetAsync(path))["meeting"]!["status"]!);
        foreach (var rsvp in await OpenTasksAsync(TaskPurposes.Rsvp, meetingId)) await ProxyAnswerAsync(rsvp.TaskId, new { choice = "yes" });
        await AdvanceToAsync(start.AddMinutes(1));
        Assert.Contains("awaitVote", await WaitingAsync(instanceId));
        var panel = (await GetAsync($"{Api}/cases/{caseId}/panel"))["members"]!.AsArray();
        await PutAsync($"{path}/attendance", new { entries = panel.Select(m => new { personId = (string)m!["personId"]!, present = true }).ToArray() });
        return (meetingId, path);
    }

    /// <summary>Opens a vote on the question, records each member's ballot (name, choice, reason), closes it and returns the result.</summary>
    public async Task<JsonNode> VoteAsync(string meetingPath, string question, params (string Name, string Choice, string? Reason)[] ballots)
    {
        var voteId = (string)(await PostAsync($"{meetingPath}/votes", new { question }))["vote"]!["id"]!;
        foreach (var (name, choice, reason) in ballots)
            await PostAsync($"{meetingPath}/votes/{voteId}/ballots", new { personId = People[name], choice, reason });
        return await PostAsync($"{meetingPath}/votes/{voteId}/close", new { });
    }
}
