using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Deliberation.Civic.Links;
using Deliberation.Civic.Participation;
using Deliberation.Host.Tests.Workflows;
using Deliberation.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Host.Tests.Meetings;

/// <summary>
/// Staff close a vote and then the meeting, back to back, in many cases at once: every signal the workflow waits for
/// reaches it, whether it arrives while an earlier step of the instance is still running or before the workflow has
/// even reached its wait (the vote closed before the quorum check fired). Each meeting's minutes are filed exactly once
/// and no instance is left waiting for a meeting that is over.
/// </summary>
[Trait("Category", "Deliberation")]
public class MeetingSignalRaceTests : IAsyncLifetime
{
    /// <summary>How many cases close a vote and a meeting, all at once.</summary>
    private const int Cases = 200;

    private const int Concurrency = 8;

    private static readonly string[] Voters = ["甲一", "乙二", "丙三"];

    private HostFactory _host = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _host = new HostFactory();
        foreach (var (key, value) in await DatabaseSettingsAsync(Guid.NewGuid().ToString("N")[..8])) _host.Settings[key] = value;
        _admin = _host.CreateClient();
    }

    /// <summary>Database settings for the host; none for the default SQLite file.</summary>
    protected virtual Task<IReadOnlyDictionary<string, string>> DatabaseSettingsAsync(string run) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task CloseVoteThenMeeting_ManyCasesAtOnce_EveryMeetingFilesItsMinutesOnceAndNoInstanceWaits()
    {
        // Arrange: one community, Cases deliberations each with a scheduled meeting (all polled for the same slots).
        var world = await MeetingWorld.CreateAsync(_host, new SmtpServer(), _admin);
        var buildingId = (string)(await world.GetAsync($"{world.Api}/building-groups")).AsArray()[0]!["id"]!;
        var cases = new List<(string CaseId, string InstanceId)> { (world.CaseId, world.InstanceId) };
        for (var i = 1; i < Cases; i++) cases.Add(await AnchorAsync(world, buildingId, i));
        var meetings = new string[Cases];
        await ForEachCaseAsync(async i =>
        {
            var response = await world.Staff.PostAsJsonAsync($"{world.Api}/cases/{cases[i].CaseId}/meetings", new
            {
                name = "加装电梯协商会", place = "社区议事厅", agenda = new[] { "表决" },
                slots = new[] { world.Beijing(5, 19), world.Beijing(6, 19) }.Select(s => new { start = s, end = s.AddHours(2) }).ToArray(),
                pollClosesAt = world.Beijing(2, 12),
            });
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Created, text);
            meetings[i] = (string)JsonNode.Parse(text)!["id"]!;
        });
        await world.AdvanceToAsync(world.Beijing(2, 12));
        await AnswerRsvpsAsync("yes");
        // The meeting starts before the timer pump has caught up (a loaded or restarted host): the quorum check is due
        // but has not fired, so the workflow is not in the meeting yet. Even cases close their vote now.
        var startsAt = DateTimeOffset.Parse((string)(await world.MeetingAsync(meetings[0]))["meeting"]!["startsAt"]!, CultureInfo.InvariantCulture);
        _host.Time.Advance(startsAt + TimeSpan.FromSeconds(1) - _host.Time.GetUtcNow());
        await ForEachCaseAsync(i => i % 2 == 0 ? CloseVoteAsync(world, meetings[i], cases[i].CaseId) : Task.CompletedTask);

        // Act: the pump catches up (quorum checks, reminders) while staff close the remaining votes and every meeting,
        // each vote and meeting back to back, all cases at once.
        var pump = _host.TimerPump.FireAllDueAsync(CancellationToken.None);
        await ForEachCaseAsync(async i =>
        {
            if (i % 2 == 1) await CloseVoteAsync(world, meetings[i], cases[i].CaseId);
            await world.PostAsync($"{world.Api}/meetings/{meetings[i]}/close", new { });
        });
        await pump;

        // Assert
        await using var db = _host.Services.GetRequiredService<DeliberationDatabase>().CreateContext();
        var meetingIds = meetings.Select(Guid.Parse).ToList();
        var instanceIds = cases.Select(c => Guid.Parse(c.InstanceId)).ToList();
        foreach (var (caseId, instanceId) in cases)
        {
            var instance = (JsonObject)await world.GetAsync($"/api/instances/{instanceId}");
            Assert.True(instance["incidents"]!.AsArray().Count == 0, $"case {caseId}: {instance["incidents"]!.ToJsonString()}");
            var journal = (await world.GetAsync($"/api/instances/{instanceId}/journal?take=5000")).AsArray();
            var waiting = instance["waiting"]!.AsArray().Select(w => (string)w!["activityId"]!).ToList();
            var filings = journal.Count(j => (string?)j!["activityId"] == "minutes" && (string?)j["kind"] == "ActivityCompleted");
            Assert.True(filings == 1, $"case {caseId} filed its minutes {filings} times and waits on {string.Join(", ", waiting)}");
            Assert.True(waiting.Contains("itemDone") && !waiting.Intersect(["awaitVote", "awaitAdjourn", "awaitClose", "awaitPlan"]).Any(),
                $"case {caseId} waits on {string.Join(", ", waiting)}");
        }
        Assert.Equal(0, await db.Signals.CountAsync(s => instanceIds.Contains(s.InstanceId) && s.DeliveredAt == null));
        // One record per language (zh-CN, en) of each meeting's minutes.
        var filed = await db.Minutes.Where(m => meetingIds.Contains(m.MeetingId)).GroupBy(m => new { m.MeetingId, m.Culture }).Select(g => g.Count()).ToListAsync();
        Assert.Equal(Cases * 2, filed.Count);
        Assert.All(filed, count => Assert.Equal(1, count));
    }

    private static async Task<(string CaseId, string InstanceId)> AnchorAsync(MeetingWorld world, string buildingId, int number)
    {
        var complaint = await world.PostAsync($"{world.Api}/complaints", new
        {
            categoryCode = "lift", title = $"加装电梯 {number}", description = "老人上下楼困难。", severity = 4, urgency = 3, reporterCount = 3,
            buildingGroupIds = new[] { buildingId }, householdIds = Array.Empty<string>(),
        }, HttpStatusCode.Created);
        var anchored = await world.PostAsync($"{world.Api}/complaints/{(string)complaint["complaint"]!["id"]!}/anchor",
            new { input = FanshiInputs.WithoutNoticeOrConfirmation(null) });
        var caseNumber = (string)anchored["complaint"]!["caseNumber"]!;
        var found = await world.GetAsync($"{world.Api}/cases?caseNumber={Uri.EscapeDataString(caseNumber)}");
        return ((string)found.AsArray()[0]!["id"]!, (string)anchored["instance"]!["instanceId"]!);
    }

    /// <summary>Opens a vote, records three yes ballots, adds the action item the decision leads to, and closes the vote.</summary>
    private static async Task CloseVoteAsync(MeetingWorld world, string meetingId, string caseId)
    {
        var opened = await world.PostAsync($"{world.Api}/meetings/{meetingId}/votes", new { question = "是否同意加装电梯？" });
        var voteId = (string)opened["vote"]!["id"]!;
        foreach (var name in Voters)
            await world.PostAsync($"{world.Api}/meetings/{meetingId}/votes/{voteId}/ballots", new { personId = world.People[name], choice = "yes" });
        await world.PostAsync($"{world.Api}/cases/{caseId}/action-items", new
        {
            title = "办理加装电梯审批", responsibleParty = "物业公司", personId = world.People["甲一"], dueAt = world.Beijing(40, 12), meetingId,
        }, HttpStatusCode.Created);
        await world.PostAsync($"{world.Api}/meetings/{meetingId}/votes/{voteId}/close", new { });
    }

    /// <summary>Every open RSVP is answered through its link, as residents would.</summary>
    private async Task AnswerRsvpsAsync(string choice)
    {
        var tasks = _host.Services.GetRequiredService<TaskStore>();
        List<ParticipationTask> open;
        await using (var db = _host.Services.GetRequiredService<DeliberationDatabase>().CreateContext())
            open = await db.Tasks.Where(t => t.Purpose == TaskPurposes.Rsvp && t.ClosedAt == null).ToListAsync();
        Assert.True(open.Count >= Cases * Voters.Length, $"{open.Count} RSVP tasks");
        var now = _host.Time.GetUtcNow();
        await Parallel.ForEachAsync(open, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (task, ct) =>
            await tasks.RecordLinkAnswerAsync(new LinkClaims(task.Id, task.PersonId, task.Purpose, now.AddDays(1), task.LinkVersion),
                new JsonObject { ["choice"] = choice }, ct));
    }

    private static Task ForEachCaseAsync(Func<int, Task> action) =>
        Parallel.ForEachAsync(Enumerable.Range(0, Cases), new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (i, _) => await action(i));
}
