using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Deliberation.Civic.Communities;
using Deliberation.Civic.Elections;
using Deliberation.Civic.Issues;
using Deliberation.Integrations.Outbox;
using Deliberation.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Host.Tests.Workflows;

/// <summary>
/// workflows/fanshi-youjiqing.json as imported at start-up: anchoring a complaint starts it, it identifies the
/// stakeholders and runs the layered election on its own timers (fake time, pumped explicitly), the ballots and
/// the reminder reaching a real SMTP server (aiosmtpd); and its timings are what the JSON says.
/// </summary>
[Trait("Category", "Deliberation")]
public sealed partial class FanshiYoujiqingTests(SmtpServer smtp) : IClassFixture<SmtpServer>, IAsyncLifetime
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private HostFactory _host = null!;
    private HttpClient _staff = null!;
    private HttpClient _resident = null!;

    public async Task InitializeAsync()
    {
        await smtp.StartAsync();
        _host = new HostFactory
        {
            Settings =
            {
                ["Deliberation:Mail:SmtpHost"] = "127.0.0.1",
                ["Deliberation:Mail:SmtpPort"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
                ["Deliberation:Mail:SmtpSecurity"] = "None",
                // Five households: above the threshold, so the group elects.
                ["Deliberation:Elections:DirectParticipationMaxHouseholds"] = "3",
            },
        };
        _staff = _host.CreateClient();
        _resident = _host.CreateAnonymousClient();
    }

    public async Task DisposeAsync()
    {
        _staff.Dispose();
        _resident.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task AnchoredComplaint_LayeredGroup_RunsBothElectionLayersOnTheWorkflowsTimers()
    {
        var world = await SeedAsync();
        var t0 = _host.Time.GetUtcNow();

        var instanceId = await AnchorAsync(world);

        // Identified: five households in two building groups elect in two layers; layer 1 waits for nominations (3d by default).
        Assert.Equal(["nominations"], await WaitingAsync(instanceId));
        var layerOne = await ElectionsAsync(world, 1);
        Assert.Equal(2, layerOne.Count);
        Assert.All(layerOne, e => Assert.Equal((t0.AddDays(3), t0.AddDays(8), TimeSpan.FromDays(1)), (e.NominationsCloseAt, e.BallotClosesAt, e.ReminderBefore)));
        var e5 = layerOne.Single(e => e.BuildingGroupId == world.Building5).Id;
        var e6 = layerOne.Single(e => e.BuildingGroupId == world.Building6).Id;
        var zhang1 = await NominateAsync(world, e5, "张一");
        await NominateAsync(world, e5, "张二");
        var li1 = await NominateAsync(world, e6, "李一");
        await NominateAsync(world, e6, "李二");

        // Nominations close exactly at the deadline, not a tick before.
        await AdvanceAndPumpAsync(TimeSpan.FromDays(3) - Tick);
        Assert.Equal(["nominations"], await WaitingAsync(instanceId));
        await AdvanceAndPumpAsync(Tick);
        Assert.Equal(["ballotDeadline", "reminderDue"], (await WaitingAsync(instanceId)).Order(StringComparer.Ordinal));

        // The ballots reach the voters with email; 张一, 张二 and 李一 vote through their links, 李二 does not.
        await VoteAsync(LinkIn(await ReceiveAsync(world.Emails["张一"], "请投票")), zhang1);
        await VoteAsync(LinkIn(await ReceiveAsync(world.Emails["张二"], "请投票")), zhang1);
        await VoteAsync(LinkIn(await ReceiveAsync(world.Emails["李一"], "请投票")), li1);
        await ReceiveAsync(world.Emails["李二"], "请投票");

        // The reminder: at nomination end + (ballotWindow − reminderBefore) = t0 + 3d + 4d, not one tick before.
        await AdvanceAndPumpAsync(TimeSpan.FromDays(4) - Tick);
        Assert.Equal(0, await RemindersAsync(world, "李二"));
        await AdvanceAndPumpAsync(Tick);
        Assert.Equal(1, await RemindersAsync(world, "李二"));
        var reminder = await ReceiveAsync(world.Emails["李二"], "提醒");
        Assert.Contains("您还没有投票", reminder.TextBody);
        Assert.Equal(0, await RemindersAsync(world, "李一"));
        Assert.Equal(["ballotDeadline"], await WaitingAsync(instanceId));

        // The deadline: layer 1 is counted, and layer 2 opens among the delegates (张一 for 5栋, 李一 for 6栋).
        await AdvanceAndPumpAsync(TimeSpan.FromDays(1));
        var counted = await ElectionsAsync(world, 1);
        Assert.All(counted, e => Assert.Equal(ElectionStatuses.Counted, e.Status));
        Assert.Equal(["nominations"], await WaitingAsync(instanceId));
        var layerTwo = Assert.Single(await ElectionsAsync(world, 2));
        Assert.Equal(t0.AddDays(8 + 3), layerTwo.NominationsCloseAt);
        var rep = await NominateAsync(world, layerTwo.Id, "张一");
        await NominateAsync(world, layerTwo.Id, "李一");

        await AdvanceAndPumpAsync(TimeSpan.FromDays(3));
        await VoteAsync(LinkIn(await ReceiveAsync(world.Emails["张一"], "请投票：推选5栋、6栋的利益代表")), rep);
        await VoteAsync(LinkIn(await ReceiveAsync(world.Emails["李一"], "请投票：推选5栋、6栋的利益代表")), rep);
        await AdvanceAndPumpAsync(TimeSpan.FromDays(5));

        // Counted: the representative sits on the panel and the workflow has reached the end of step 2: it waits for the meeting plan.
        var instance = (await _staff.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}"))!;
        Assert.Equal("awaitPlan", (string)Assert.Single(instance["waiting"]!.AsArray())!["activityId"]!);
        Assert.Empty(instance["incidents"]!.AsArray());
        Assert.Equal(ElectionStatuses.Counted, Assert.Single(await ElectionsAsync(world, 2)).Status);
        await using var db = Database.CreateContext();
        var panel = await db.PanelMembers.Where(m => m.CommunityId == world.Community).ToListAsync();
        Assert.Equal(world.People["张一"], Assert.Single(panel).PersonId);
        Assert.Equal(0, await RemindersAsync(world, "张一", layer: 2)); // both had voted when the reminder came
    }

    [Fact]
    public async Task EditedReminderOffset_PublishedAsANewVersion_MovesTheReminder()
    {
        // Staff change reminderBefore from 1d to 2d in fanshi-youjiqing.json and publish it as a new version.
        var definition = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(TestPaths.RepositoryRoot, "workflows", "fanshi-youjiqing.json")))!;
        var offset = definition["inputs"]!.AsArray().Single(i => (string)i!["name"]! == "reminderBefore")!;
        Assert.Equal("1d", (string)offset["default"]!);
        offset["default"] = "2d";
        var loaded = await _staff.GetAsync("/api/workflows/fanshi-youjiqing");
        Assert.Equal(HttpStatusCode.OK, loaded.StatusCode);
        using var save = new HttpRequestMessage(HttpMethod.Put, "/api/workflows/fanshi-youjiqing")
        {
            Content = new StringContent(definition.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        save.Headers.TryAddWithoutValidation("If-Match", loaded.Headers.ETag!.Tag);
        var saved = await _staff.SendAsync(save);
        Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var version = (int)(await saved.Content.ReadFromJsonAsync<JsonObject>())!["version"]!;
        Assert.Equal(HttpStatusCode.OK, (await _staff.PostAsync($"/api/workflows/fanshi-youjiqing/versions/{version}/publish", null)).StatusCode);

        var world = await SeedAsync();
        var instanceId = await AnchorAsync(world);
        var instance = (await _staff.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}"))!;
        Assert.Equal(version, (int)instance["instance"]!["definitionVersion"]!);
        var layerOne = await ElectionsAsync(world, 1);
        await NominateAsync(world, layerOne.Single(e => e.BuildingGroupId == world.Building5).Id, "张一");
        await NominateAsync(world, layerOne.Single(e => e.BuildingGroupId == world.Building6).Id, "李一");
        await AdvanceAndPumpAsync(TimeSpan.FromDays(3));
        await ReceiveAsync(world.Emails["李二"], "请投票");

        // Nobody votes. The reminder now comes 2d before the deadline: at nomination end + 3d, not a tick before …
        await AdvanceAndPumpAsync(TimeSpan.FromDays(3) - Tick);
        Assert.Equal(0, await RemindersAsync(world, "李二"));
        await AdvanceAndPumpAsync(Tick);
        Assert.Equal(1, await RemindersAsync(world, "李二"));
        await ReceiveAsync(world.Emails["李二"], "提醒");

        // … and nothing more at the old time, 1d before the deadline.
        await AdvanceAndPumpAsync(TimeSpan.FromDays(1));
        Assert.Equal(1, await RemindersAsync(world, "李二"));
        Assert.Equal(1, smtp.ReadMessages().Count(m => m.Recipients.Contains(world.Emails["李二"]) && (m.Message.Subject ?? "").Contains("提醒", StringComparison.Ordinal)));
        Assert.Equal(["ballotDeadline"], await WaitingAsync(instanceId));
    }

    [Fact]
    public async Task BallotReminderDueInQuietHours_GoesOutWhenTheyEnd_TheDiagramsTimerAndTheEmailAgree()
    {
        var world = await SeedAsync();
        var t0 = _host.Time.GetUtcNow(); // 09:00 Beijing time
        // The ballot closes at t0 + 8d, 09:00; ten hours before is 23:00 the evening before, in the quiet hours (22:00–07:00).
        var instanceId = await AnchorAsync(world, new { reminderBefore = "10h" });
        await NominateEveryBuildingAsync(world);
        await AdvanceAndPumpAsync(TimeSpan.FromDays(3));
        await ReceiveAsync(world.Emails["李二"], "请投票");

        var sevenInTheMorning = t0.AddDays(8).AddHours(-2);
        Assert.Equal(sevenInTheMorning, await TimerDueAsync(instanceId, "reminderDue"));
        Assert.All(await ElectionsAsync(world, 1), e => Assert.Equal(sevenInTheMorning, e.ReminderAt)); // what staff see
        await AdvanceAndPumpAsync(sevenInTheMorning - Tick - _host.Time.GetUtcNow());
        Assert.Equal(0, await RemindersAsync(world, "李二"));
        await AdvanceAndPumpAsync(Tick);

        Assert.Equal(1, await RemindersAsync(world, "李二"));
        Assert.Contains("您还没有投票", (await ReceiveAsync(world.Emails["李二"], "提醒")).TextBody);
        Assert.Equal(sevenInTheMorning, await RemindedAtAsync(world, "李二"));
    }

    [Fact]
    public async Task BallotClosingBeforeTheQuietHoursEnd_RemindsTheEveningBefore()
    {
        var world = await SeedAsync();
        var t0 = _host.Time.GetUtcNow(); // 09:00 Beijing time
        // The ballot closes at t0 + 3d + 116h (4d20h): 05:00 Beijing time. Two hours before is 03:00, and the quiet hours end at 07:00,
        // after the deadline: the reminder goes out the evening before, at 21:59.
        var instanceId = await AnchorAsync(world, new { ballotWindow = "116h", reminderBefore = "2h" });
        await NominateEveryBuildingAsync(world);
        await AdvanceAndPumpAsync(TimeSpan.FromDays(3));
        await ReceiveAsync(world.Emails["李二"], "请投票");

        var eveningBefore = t0.AddDays(7).AddHours(12).AddMinutes(59);
        Assert.Equal(eveningBefore, await TimerDueAsync(instanceId, "reminderDue"));
        await AdvanceAndPumpAsync(eveningBefore - Tick - _host.Time.GetUtcNow());
        Assert.Equal(0, await RemindersAsync(world, "李二"));
        await AdvanceAndPumpAsync(Tick);

        Assert.Equal(1, await RemindersAsync(world, "李二"));
        Assert.Contains("05:00", (await ReceiveAsync(world.Emails["李二"], "提醒")).Subject, StringComparison.Ordinal);
        Assert.Equal(eveningBefore, await RemindedAtAsync(world, "李二"));
        Assert.Equal(["ballotDeadline"], await WaitingAsync(instanceId));
    }

    [Fact]
    public async Task NoTimeForABallotReminder_TheDiagramWaitsOnlyForTheDeadline_AndNobodyIsReminded()
    {
        var world = await SeedAsync();
        var instanceId = await AnchorAsync(world, new { reminderBefore = "0s" });
        await NominateEveryBuildingAsync(world);

        await AdvanceAndPumpAsync(TimeSpan.FromDays(3));

        Assert.Equal(["ballotDeadline"], await WaitingAsync(instanceId));
        Assert.All(await ElectionsAsync(world, 1), e => Assert.Null(e.ReminderAt));
        await AdvanceAndPumpAsync(TimeSpan.FromDays(5));
        Assert.Equal(0, await RemindersAsync(world, "李二"));
        Assert.All(await ElectionsAsync(world, 1), e => Assert.Equal(ElectionStatuses.Counted, e.Status));
    }

    private sealed record World(Guid Community, Guid Building5, Guid Building6, Guid Complaint, Dictionary<string, Guid> People, Dictionary<string, string> Emails);

    /// <summary>
    /// 东苑: 5栋 with 501–503 (张一 and 张二 by email, 张三 without) and 6栋 with 601–602 (李一, 李二 by email); an open
    /// complaint affecting both buildings. Written directly: the roster import and complaint logging are tested elsewhere.
    /// </summary>
    private async Task<World> SeedAsync()
    {
        var now = _host.Time.GetUtcNow();
        var community = new Community { Id = Guid.NewGuid(), Code = "f" + _run, Name = "大龙社区", CreatedAt = now };
        var precinct = new Precinct { Id = Guid.NewGuid(), CommunityId = community.Id, Name = "东苑" };
        var b5 = new BuildingGroup { Id = Guid.NewGuid(), CommunityId = community.Id, PrecinctId = precinct.Id, Name = "5栋" };
        var b6 = new BuildingGroup { Id = Guid.NewGuid(), CommunityId = community.Id, PrecinctId = precinct.Id, Name = "6栋" };
        var people = new Dictionary<string, Guid>();
        var emails = new Dictionary<string, string>();
        await using var db = Database.CreateContext();
        db.Communities.Add(community);
        db.Precincts.Add(precinct);
        db.BuildingGroups.AddRange(b5, b6);
        var order = 0;
        void Resident(BuildingGroup building, string unit, string name, string? emailName)
        {
            var household = new Household { Id = Guid.NewGuid(), CommunityId = community.Id, BuildingGroupId = building.Id, Unit = unit, FloorArea = 80m };
            var email = emailName is null ? null : $"{emailName}-{_run}@test.local";
            var person = new Person
            {
                Id = Guid.NewGuid(), CommunityId = community.Id, HouseholdId = household.Id, BuildingGroupId = building.Id, Name = name, Email = email,
                Roles = PersonRoles.Resident, IsHouseholdRepresentative = true, CreatedAt = now.AddSeconds(order++),
            };
            db.Households.Add(household);
            db.People.Add(person);
            people[name] = person.Id;
            if (email is not null) emails[name] = email;
        }
        Resident(b5, "501", "张一", "zhang1");
        Resident(b5, "502", "张二", "zhang2");
        Resident(b5, "503", "张三", null);
        Resident(b6, "601", "李一", "li1");
        Resident(b6, "602", "李二", "li2");
        var complaint = new Complaint
        {
            Id = Guid.NewGuid(), CommunityId = community.Id, CategoryCode = "lift", Title = "东苑电梯经常停运", Description = "5栋、6栋电梯每周停运",
            Severity = 4, Urgency = 4, ReporterCount = 12, LoggedByUserId = Guid.NewGuid(), LoggedAt = now, Status = ComplaintStatus.Open,
        };
        db.Complaints.Add(complaint);
        db.ComplaintScopes.AddRange(new ComplaintScope { ComplaintId = complaint.Id, BuildingGroupId = b5.Id },
            new ComplaintScope { ComplaintId = complaint.Id, BuildingGroupId = b6.Id });
        await db.SaveChangesAsync();
        return new World(community.Id, b5.Id, b6.Id, complaint.Id, people, emails);
    }

    private DeliberationDatabase Database => _host.Services.GetRequiredService<DeliberationDatabase>();

    private OutboxDispatcher Dispatcher => _host.Services.GetRequiredService<OutboxDispatcher>();

    /// <summary>Anchors the complaint through the complaints API (the default workflow, fanshi-youjiqing); returns the instance id.</summary>
    [Fact]
    public async Task TieWithStaffRule_WorkflowWaitsForTheDecision_ThenCountsAgainAndGoesOn()
    {
        var world = await SeedAsync();
        var instanceId = await AnchorAsync(world, new { tieRule = "staff" });
        var layerOne = await ElectionsAsync(world, 1);
        var e5 = layerOne.Single(e => e.BuildingGroupId == world.Building5).Id;
        var e6 = layerOne.Single(e => e.BuildingGroupId == world.Building6).Id;
        var zhang1 = await NominateAsync(world, e5, "张一");
        var zhang2 = await NominateAsync(world, e5, "张二");
        var li1 = await NominateAsync(world, e6, "李一");
        await AdvanceAndPumpAsync(TimeSpan.FromDays(3));

        // 5栋 ties one to one; 6栋 elects 李一.
        await VoteAsync(LinkIn(await ReceiveAsync(world.Emails["张一"], "请投票")), zhang1);
        await VoteAsync(LinkIn(await ReceiveAsync(world.Emails["张二"], "请投票")), zhang2);
        await VoteAsync(LinkIn(await ReceiveAsync(world.Emails["李一"], "请投票")), li1);
        await AdvanceAndPumpAsync(TimeSpan.FromDays(5));

        // The count cannot seat 5栋's delegate: the workflow waits for staff, visibly.
        Assert.Equal(["tieDecision"], await WaitingAsync(instanceId));
        Assert.Empty(await ElectionsAsync(world, 2));

        var decided = await _staff.PostAsJsonAsync($"/api/communities/{world.Community}/elections/{e5}/tie-decision",
            new { order = new[] { Guid.Parse(zhang2), Guid.Parse(zhang1) }, reason = "张二常住本楼，便于联系居民" });

        // The decision signals the workflow, which counts again and opens layer 2.
        var text = await decided.Content.ReadAsStringAsync();
        Assert.True(decided.StatusCode == HttpStatusCode.OK, text);
        Assert.Equal(["nominations"], await WaitingAsync(instanceId));
        Assert.All(await ElectionsAsync(world, 1), e => Assert.Equal(ElectionStatuses.Counted, e.Status));
        Assert.Single(await ElectionsAsync(world, 2));
        await using var db = Database.CreateContext();
        var tie = await db.Elections.SingleAsync(e => e.Id == e5);
        Assert.Equal("张二常住本楼，便于联系居民", tie.TieDecisionReason);
    }

    /// <summary>
    /// Anchors with the two buildings as one affected group (<c>grouping</c> <c>together</c>), so that it elects in two
    /// layers: delegates per building, then the representative among them.
    /// </summary>
    private async Task<string> AnchorAsync(World world, object? input = null)
    {
        var given = FanshiInputs.WithoutNoticeOrConfirmation(input);
        given["grouping"] ??= "together";
        var response = await _staff.PostAsJsonAsync($"/api/communities/{world.Community}/complaints/{world.Complaint}/anchor", new { input = given });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var anchored = JsonNode.Parse(text)!;
        Assert.Equal("fanshi-youjiqing", (string)anchored["instance"]!["definitionId"]!);
        return (string)anchored["instance"]!["instanceId"]!;
    }

    private async Task AdvanceAndPumpAsync(TimeSpan by)
    {
        _host.Time.Advance(by);
        await _host.TimerPump.FireAllDueAsync(CancellationToken.None);
    }

    /// <summary>
    /// The ids of the activities the instance waits in, apart from <c>groupElections</c>, the ForEach that waits while its
    /// groups' elections run; it has no incident.
    /// </summary>
    private async Task<string[]> WaitingAsync(string instanceId)
    {
        var instance = (await _staff.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}"))!;
        Assert.True(instance["incidents"]!.AsArray().Count == 0, instance["incidents"]!.ToJsonString());
        var waiting = instance["waiting"]!.AsArray().Select(w => (string)w!["activityId"]!).ToArray();
        return waiting.Where(w => w != "groupElections").ToArray();
    }

    private async Task<List<Election>> ElectionsAsync(World world, int layer)
    {
        await using var db = Database.CreateContext();
        return (await db.Elections.Where(e => e.CommunityId == world.Community && e.Layer == layer).ToListAsync()).OrderBy(e => e.CreatedAt).ToList();
    }

    /// <summary>How often the person was reminded in the layer's ballots (recorded with the reminder emails, in the same transaction).</summary>
    private async Task<int> RemindersAsync(World world, string name, int layer = 1)
    {
        await using var db = Database.CreateContext();
        var elections = db.Elections.Where(e => e.CommunityId == world.Community && e.Layer == layer).Select(e => e.Id);
        return await db.ElectionBallots.Where(b => elections.Contains(b.ElectionId) && b.PersonId == world.People[name]).SumAsync(b => b.ReminderCount);
    }

    /// <summary>Nominates a person (self-nominated) through the stakeholders API; returns the candidate id, as the API shows it and the ballot offers it.</summary>
    private async Task<string> NominateAsync(World world, Guid electionId, string name)
    {
        var response = await _staff.PostAsJsonAsync($"/api/communities/{world.Community}/elections/{electionId}/nominations",
            new { personId = world.People[name], nominatedByPersonId = world.People[name] });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return (string)JsonNode.Parse(text)!["id"]!;
    }

    /// <summary>Nominates 张一 in 5栋 and 李一 in 6栋, so that both layer-1 elections can send ballots.</summary>
    private async Task NominateEveryBuildingAsync(World world)
    {
        var layerOne = await ElectionsAsync(world, 1);
        await NominateAsync(world, layerOne.Single(e => e.BuildingGroupId == world.Building5).Id, "张一");
        await NominateAsync(world, layerOne.Single(e => e.BuildingGroupId == world.Building6).Id, "李一");
    }

    /// <summary>When the timer of the activity the instance waits in is due, as the diagram shows it.</summary>
    private async Task<DateTimeOffset> TimerDueAsync(string instanceId, string activityId)
    {
        var instance = (await _staff.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}"))!;
        var waiting = instance["waiting"]!.AsArray().Single(w => (string)w!["activityId"]! == activityId)!;
        return DateTimeOffset.Parse((string)Assert.Single(waiting["bookmarks"]!.AsArray())!["dueAt"]!, CultureInfo.InvariantCulture);
    }

    /// <summary>When the person's layer-1 ballot reminder went out (recorded with its email, in the same transaction).</summary>
    private async Task<DateTimeOffset?> RemindedAtAsync(World world, string name)
    {
        await using var db = Database.CreateContext();
        var elections = db.Elections.Where(e => e.CommunityId == world.Community && e.Layer == 1).Select(e => e.Id);
        return (await db.ElectionBallots.SingleAsync(b => elections.Contains(b.ElectionId) && b.PersonId == world.People[name])).RemindedAt;
    }

    private Task VoteAsync(string path, string choice) => EmailedLinks.AnswerAsync(_resident, path, choice);

    /// <summary>Delivers the outbox until the newest message to the address whose subject has the text arrives (the SMTP server is another process).</summary>
    private Task<MimeKit.MimeMessage> ReceiveAsync(string address, string subjectPart) =>
        EmailedLinks.ReceiveAsync(smtp, Dispatcher, address, subjectPart);

    private static string LinkIn(MimeKit.MimeMessage message) => EmailedLinks.LinkIn(message);

}
