using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Deliberation.Host.Tests.Api;
using Deliberation.Host.Tests.Workflows;
using Deliberation.Integrations.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Host.Tests.Meetings;

/// <summary>
/// A deliberation at step 3, reached through the API: a community whose 1栋 has three households (甲一 60 ㎡, 乙二 80 ㎡,
/// 丙三 160 ㎡, each with an email), a lawyer and an accountant on the roster, a staff account, and a complaint about
/// 1栋 anchored with fanshi-youjiqing. Three households take part directly, so the workflow goes straight to waiting
/// for a meeting; the lawyer and accountant join the panel as advisors.
/// </summary>
internal sealed class MeetingWorld
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    private MeetingWorld(HostFactory host, SmtpServer smtp, HttpClient staff, HttpClient resident, string communityId, string caseId, string instanceId,
        string caseNumber, Dictionary<string, string> people, Dictionary<string, string> emails, string staffEmail)
    {
        (Host, Smtp, Staff, Resident, CommunityId, CaseId, InstanceId, CaseNumber, People, Emails, StaffEmail) =
            (host, smtp, staff, resident, communityId, caseId, instanceId, caseNumber, people, emails, staffEmail);
        _today = host.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Date;
    }

    public HostFactory Host { get; }
    public SmtpServer Smtp { get; }
    public HttpClient Staff { get; }
    public HttpClient Resident { get; }
    public string CommunityId { get; }
    public string CaseId { get; }
    public string InstanceId { get; }
    public string CaseNumber { get; }
    public Dictionary<string, string> People { get; }
    public Dictionary<string, string> Emails { get; }
    public string StaffEmail { get; }
    public string Api => $"/api/communities/{CommunityId}";

    public static readonly string[] Residents = ["甲一", "乙二", "丙三"];
    public static readonly string[] Advisors = ["钱律师", "孙会计"];

    /// <summary>Sets the world up; <paramref name="input"/> overrides fanshi-youjiqing's inputs (e.g. maxRounds).</summary>
    public static async Task<MeetingWorld> CreateAsync(HostFactory host, SmtpServer smtp, HttpClient admin, object? input = null)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        string Mail(string local) => $"{local}-{run}@test.local";
        var created = await admin.PostAsJsonAsync("/api/communities", new { code = "mt-" + run, name = "大龙社区" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/communities/{id}/precincts", new { name = "东苑" })).StatusCode);
        var building = await admin.PostAsJsonAsync($"/api/communities/{id}/building-groups", new { precinctName = "东苑", name = "1栋" });
        Assert.Equal(HttpStatusCode.Created, building.StatusCode);
        var buildingId = (string)(await building.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;

        var roster = RosterApi.Header + "\r\n" +
            $"东苑,1栋,101,60,甲一,居民,{Mail("jia")},,是\r\n" +
            $"东苑,1栋,102,80,乙二,居民,{Mail("yi")},,是\r\n" +
            $"东苑,1栋,103,160,丙三,居民,{Mail("bing")},,是\r\n" +
            $",,,,钱律师,律师,{Mail("lawyer")},,\r\n" +
            $",,,,孙会计,会计师,{Mail("accountant")},,\r\n";
        var import = await RosterApi.ImportAsync(admin, id, Encoding.UTF8.GetBytes(roster), "名册.csv");
        Assert.True(import.StatusCode == HttpStatusCode.OK, await import.Content.ReadAsStringAsync());
        var people = new Dictionary<string, string>();
        var emails = new Dictionary<string, string>();
        foreach (var person in await RosterApi.PeopleAsync(admin, id))
        {
            people[(string)person!["name"]!] = (string)person["id"]!;
            if ((string?)person["email"] is { Length: > 0 } email) emails[(string)person["name"]!] = email;
        }

        var staffEmail = Mail("staff");
        var account = await admin.PostAsJsonAsync("/api/users", new
        {
            email = staffEmail, displayName = "刘干事", password = "a-long-enough-password", roles = new[] { "CommitteeStaff" }, communityIds = new[] { Guid.Parse(id) },
        });
        Assert.Equal(HttpStatusCode.Created, account.StatusCode);
        var staff = host.CreateAnonymousClient();
        await TestAccounts.SignInAsync(staff, staffEmail, "a-long-enough-password");

        var complaint = await staff.PostAsJsonAsync($"/api/communities/{id}/complaints", new
        {
            categoryCode = "lift", title = "1栋加装电梯", description = "1栋老人多，上下楼困难，申请加装电梯。", severity = 4, urgency = 3, reporterCount = 3,
            buildingGroupIds = new[] { buildingId }, householdIds = Array.Empty<string>(),
        });
        var complaintText = await complaint.Content.ReadAsStringAsync();
        Assert.True(complaint.StatusCode == HttpStatusCode.Created, complaintText);
        var complaintId = (string)JsonNode.Parse(complaintText)!["complaint"]!["id"]!;
        var anchored = await staff.PostAsJsonAsync($"/api/communities/{id}/complaints/{complaintId}/anchor", new { input = FanshiInputs.WithoutNoticeOrConfirmation(input) });
        var anchoredText = await anchored.Content.ReadAsStringAsync();
        Assert.True(anchored.StatusCode == HttpStatusCode.OK, anchoredText);
        var caseNumber = (string)JsonNode.Parse(anchoredText)!["complaint"]!["caseNumber"]!;
        var instanceId = (string)JsonNode.Parse(anchoredText)!["instance"]!["instanceId"]!;
        var caseId = (string)Assert.Single((await staff.GetFromJsonAsync<JsonArray>($"/api/communities/{id}/cases?caseNumber={Uri.EscapeDataString(caseNumber)}"))!)!["id"]!;

        var world = new MeetingWorld(host, smtp, staff, host.CreateAnonymousClient(), id, caseId, instanceId, caseNumber, people, emails, staffEmail);
        Assert.Equal(["awaitPlan"], await world.WaitingAsync());
        await world.AddAdvisorAsync("钱律师", "lawyer");
        await world.AddAdvisorAsync("孙会计", "accountant");
        return world;
    }

    public async Task AddAdvisorAsync(string name, string kind)
    {
        var response = await Staff.PostAsJsonAsync($"{Api}/cases/{CaseId}/panel", new { personId = People[name], role = "advisor", partyKind = kind });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task SetRulesAsync(object rules)
    {
        var response = await Staff.PutAsJsonAsync($"{Api}/cases/{CaseId}/rules", rules);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private readonly DateTime _today;

    /// <summary>Beijing wall-clock time on a day counted from the day the world was created.</summary>
    public DateTimeOffset Beijing(int daysFromToday, int hour, int minute = 0)
    {
        var today = _today;
        return new DateTimeOffset(today.AddDays(daysFromToday).AddHours(hour).AddMinutes(minute), TimeSpan.FromHours(8));
    }

    /// <summary>Plans a meeting with the slots; returns its id.</summary>
    public async Task<string> PlanAsync(params DateTimeOffset[] starts)
    {
        var response = await Staff.PostAsJsonAsync($"{Api}/cases/{CaseId}/meetings", new
        {
            name = "1栋加装电梯协商会", place = "社区议事厅", agenda = new[] { "介绍加装电梯方案", "讨论费用分摊", "表决" }, chair = "刘主任", recorder = "小王",
            slots = starts.Select(s => new { start = s, end = s.AddHours(2) }).ToArray(),
        });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return (string)JsonNode.Parse(text)!["id"]!;
    }

    public async Task<JsonNode> MeetingAsync(string meetingId) => await GetAsync($"{Api}/meetings/{meetingId}");

    public async Task<JsonNode> GetAsync(string path)
    {
        var response = await Staff.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    public async Task<JsonNode> PostAsync(string path, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await Staff.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"POST {path} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    public async Task<JsonObject> InstanceAsync() => (JsonObject)await GetAsync($"/api/instances/{InstanceId}");

    public async Task<string[]> WaitingAsync()
    {
        var instance = await InstanceAsync();
        Assert.True(instance["incidents"]!.AsArray().Count == 0, instance["incidents"]!.ToJsonString());
        return [.. instance["waiting"]!.AsArray().Select(w => (string)w!["activityId"]!).Order(StringComparer.Ordinal)];
    }

    public OutboxDispatcher Dispatcher => Host.Services.GetRequiredService<OutboxDispatcher>();

    public Task<MimeKit.MimeMessage> ReceiveAsync(string name, string subjectPart) =>
        EmailedLinks.ReceiveAsync(Smtp, Dispatcher, Emails.TryGetValue(name, out var email) ? email : name, subjectPart);

    /// <summary>Moves the fake clock to the instant and fires the workflow timers due by then.</summary>
    public async Task AdvanceToAsync(DateTimeOffset at)
    {
        var by = at - Host.Time.GetUtcNow();
        Assert.True(by > TimeSpan.Zero, $"{at:O} has passed already.");
        Host.Time.Advance(by);
        await Host.TimerPump.FireAllDueAsync(CancellationToken.None);
    }

    /// <summary>Polls everyone by link (each ticks the given slots), schedules at the poll deadline, RSVPs, checks the quorum and starts the meeting.</summary>
    public async Task<JsonNode> ConveneAsync(string meetingId, IReadOnlyDictionary<string, string[]> pollAnswers, IReadOnlyDictionary<string, string> rsvps)
    {
        foreach (var (name, slots) in pollAnswers)
        {
            var poll = await ReceiveAsync(name, "请选择会议时间");
            await EmailedLinks.AnswerFormAsync(Resident, EmailedLinks.LinkIn(poll), [.. slots.Select(s => ("choices", s))]);
        }
        var meeting = await MeetingAsync(meetingId);
        await AdvanceToAsync(DateTimeOffset.Parse((string)meeting["meeting"]!["pollClosesAt"]!, CultureInfo.InvariantCulture));
        foreach (var (name, answer) in rsvps)
        {
            var invitation = await ReceiveAsync(name, "会议通知");
            await EmailedLinks.AnswerFormAsync(Resident, EmailedLinks.LinksIn(invitation)[0], ("choice", answer));
        }
        return await MeetingAsync(meetingId);
    }

    /// <summary>Fires the quorum check: the instance's output of <c>schedule</c> says when.</summary>
    public async Task CheckQuorumAsync()
    {
        var instance = await InstanceAsync();
        var at = DateTimeOffset.Parse((string)instance["outputs"]!["schedule"]!["quorumCheckAt"]!, CultureInfo.InvariantCulture);
        await AdvanceToAsync(at);
    }

    public async Task StartMeetingAsync(string meetingId)
    {
        var meeting = await MeetingAsync(meetingId);
        var startsAt = DateTimeOffset.Parse((string)meeting["meeting"]!["startsAt"]!, CultureInfo.InvariantCulture);
        await AdvanceToAsync(startsAt + Tick);
    }

    public Task RecordAttendanceAsync(string meetingId, params (string Name, bool Present)[] lines) =>
        PutAsync($"{Api}/meetings/{meetingId}/attendance", new { entries = lines.Select(l => new { personId = People[l.Name], present = l.Present }).ToArray() });

    public async Task PutAsync(string path, object body)
    {
        var response = await Staff.PutAsJsonAsync(path, body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"PUT {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public async Task<T> PutAsync<T>(string path, object body)
    {
        var response = await Staff.PutAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"PUT {path} answered {(int)response.StatusCode}: {text}");
        return System.Text.Json.JsonSerializer.Deserialize<T>(text)!;
    }

    /// <summary>Adds an action item decided at the meeting (责任分工); returns its id.</summary>
    public async Task<string> AddActionItemAsync(string meetingId, string title, string party, string reporter, DateTimeOffset dueAt,
        decimal? budget = null, string? funding = null)
    {
        var item = await PostAsync($"{Api}/cases/{CaseId}/action-items", new
        {
            title, responsibleParty = party, personId = People[reporter], dueAt, budget, fundingSource = funding, meetingId,
        }, HttpStatusCode.Created);
        return (string)item["id"]!;
    }

    /// <summary>Opens a vote, records the ballots, closes it; returns the closed vote.</summary>
    public async Task<JsonNode> VoteAsync(string meetingId, string question, params (string Name, string Choice, string? Reason)[] ballots)
    {
        var opened = await PostAsync($"{Api}/meetings/{meetingId}/votes", new { question });
        var voteId = (string)opened["vote"]!["id"]!;
        foreach (var (name, choice, reason) in ballots)
            await PostAsync($"{Api}/meetings/{meetingId}/votes/{voteId}/ballots", new { personId = People[name], choice, reason });
        return await PostAsync($"{Api}/meetings/{meetingId}/votes/{voteId}/close", new { });
    }
}
