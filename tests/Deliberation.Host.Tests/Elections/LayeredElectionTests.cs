using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Deliberation.Civic.Communities;
using Deliberation.Civic.Elections;
using Deliberation.Civic.Issues;
using Deliberation.Integrations.Outbox;
using Deliberation.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Host.Tests.Elections;

/// <summary>
/// Step 2 through the HTTP API, the ballot links in the emails a real SMTP server (aiosmtpd) receives,
/// the answer pages and a building head's paper ballot: a precinct of two building groups above the
/// direct-participation threshold elects delegates per building group, then its representative.
/// On SQLite here, on PostgreSQL in <see cref="LayeredElectionPostgresTests"/>.
/// </summary>
[Trait("Category", "Deliberation")]
public partial class LayeredElectionTests(SmtpServer smtp) : IClassFixture<SmtpServer>, IAsyncLifetime
{

    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private HostFactory _host = null!;
    private HttpClient _staff = null!;
    private HttpClient _resident = null!;

    /// <summary>Database settings for the host; none for the default SQLite.</summary>
    protected virtual Task<IReadOnlyDictionary<string, string>> DatabaseSettingsAsync(string run) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());

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
                // Five households: above the threshold, so the precinct elects.
                ["Deliberation:Elections:DirectParticipationMaxHouseholds"] = "3",
            },
        };
        var database = await DatabaseSettingsAsync(_run);
        foreach (var (key, value) in database) _host.Settings[key] = value;
        _staff = _host.CreateClient();
        _resident = _host.CreateAnonymousClient();
        Assert.Equal(database.ContainsKey("Deliberation:Database:Provider"), _host.Services.GetRequiredService<DeliberationDatabase>().IsPostgres);
    }

    public async Task DisposeAsync()
    {
        _staff.Dispose();
        _resident.Dispose();
        await _host.DisposeAsync();
    }

    private sealed record Roster(Guid Community, Guid Precinct, Guid Building5, Guid Building6, Guid Complaint, Guid Lawyer,
        Dictionary<string, Guid> People, Dictionary<string, string> Emails);

    /// <summary>
    /// 东苑: 5栋 with households 501–503 (张一 and 张二 by email, 张三 without email) and 6栋 with 601–602
    /// (李一, 李二); a lawyer; an anchored complaint. Written directly: the roster import is tested elsewhere.
    /// </summary>
    private async Task<Roster> SeedAsync()
    {
        var now = _host.Time.GetUtcNow();
        var community = new Community { Id = Guid.NewGuid(), Code = "c" + _run, Name = "大龙社区", CreatedAt = now };
        var precinct = new Precinct { Id = Guid.NewGuid(), CommunityId = community.Id, Name = "东苑" };
        var b5 = new BuildingGroup { Id = Guid.NewGuid(), CommunityId = community.Id, PrecinctId = precinct.Id, Name = "5栋" };
        var b6 = new BuildingGroup { Id = Guid.NewGuid(), CommunityId = community.Id, PrecinctId = precinct.Id, Name = "6栋" };
        var people = new Dictionary<string, Guid>();
        var emails = new Dictionary<string, string>();
        await using var db = _host.Services.GetRequiredService<DeliberationDatabase>().CreateContext();
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
        var lawyer = new Person { Id = Guid.NewGuid(), CommunityId = community.Id, Name = "王律师", Email = $"lawyer-{_run}@test.local", Roles = PersonRoles.Lawyer, CreatedAt = now };
        db.People.Add(lawyer);
        var complaint = new Complaint
        {
            Id = Guid.NewGuid(), CommunityId = community.Id, CategoryCode = "facilities", Title = "东苑电梯经常停运", Description = "5栋、6栋电梯每周停运",
            Severity = 4, Urgency = 4, ReporterCount = 12, LoggedByUserId = Guid.NewGuid(), LoggedAt = now, Status = ComplaintStatus.Anchored,
            AnchoredAt = now, CaseNumber = "DL-2026-" + _run,
        };
        db.Complaints.Add(complaint);
        await db.SaveChangesAsync();
        return new Roster(community.Id, precinct.Id, b5.Id, b6.Id, complaint.Id, lawyer.Id, people, emails);
    }

    [Fact]
    public async Task TwoLayerElection_ThroughTheApiAndEmailedLinks_SeatsTheRepresentativeAndReplacesOneWhoDropsOut()
    {
        var roster = await SeedAsync();
        var api = $"/api/communities/{roster.Community}";
        var start = _host.Time.GetUtcNow();

        // A case from the anchored complaint; the precinct's five households exceed the threshold of 3 and span two building groups.
        var caseView = await PostAsync($"{api}/cases", new { complaintId = roster.Complaint }, HttpStatusCode.Created);
        Assert.Equal("DL-2026-" + _run, (string)caseView["caseNumber"]!);
        Assert.Equal("东苑电梯经常停运", (string)caseView["title"]!);
        var caseId = (string)caseView["id"]!;
        var group = await PostAsync($"{api}/cases/{caseId}/groups", new { kind = "precinct", precinctId = roster.Precinct }, HttpStatusCode.Created);
        Assert.Equal("layered", (string)group["mode"]!);
        Assert.Equal(5, (int)group["householdCount"]!);
        Assert.Equal("东苑", (string)group["name"]!);
        var groupId = (string)group["id"]!;

        // Layer 1: one election per building group; 5栋 sends two delegates, 6栋 one.
        var layerOne = (await PostAsync($"{api}/groups/{groupId}/elections", new
        {
            seats = 1,
            seatsByBuildingGroup = new Dictionary<Guid, int> { [roster.Building5] = 2 },
            nominationsCloseAt = start.AddDays(1),
            ballotClosesAt = start.AddDays(4),
            reminderBefore = "24h",
            tieRule = "lots",
        }, HttpStatusCode.Created)).AsArray();
        Assert.Equal(2, layerOne.Count);
        var e5 = (string)layerOne.Single(e => (string)e!["buildingGroupId"]! == roster.Building5.ToString())!["id"]!;
        var e6 = (string)layerOne.Single(e => (string)e!["buildingGroupId"]! == roster.Building6.ToString())!["id"]!;

        // Nominations: self, by another voter, and one entered by staff; someone outside the electorate is refused.
        var zhang1 = await NominateAsync(api, e5, roster.People["张一"], roster.People["张一"]);
        var zhang2 = await NominateAsync(api, e5, roster.People["张二"], roster.People["张一"]);
        var zhang3 = await NominateAsync(api, e5, roster.People["张三"], null);
        var outsider = await _staff.PostAsJsonAsync($"{api}/elections/{e5}/nominations", new { personId = roster.People["李一"] });
        Assert.Equal(HttpStatusCode.BadRequest, outsider.StatusCode);
        var li1 = await NominateAsync(api, e6, roster.People["李一"], roster.People["李一"]);
        var li2 = await NominateAsync(api, e6, roster.People["李二"], roster.People["李二"]);

        // The nomination window passes; closing nominations sends the ballots.
        _host.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Conflict, (await _staff.PostAsJsonAsync($"{api}/elections/{e5}/nominations", new { personId = roster.People["张二"] })).StatusCode);
        var open5 = await PostAsync($"{api}/elections/{e5}/close-nominations", new { }, HttpStatusCode.OK);
        await PostAsync($"{api}/elections/{e6}/close-nominations", new { }, HttpStatusCode.OK);
        Assert.Equal("balloting", (string)open5["status"]!);
        Assert.Equal(3, (int)open5["ballotsIssued"]!);
        // 5栋 elects two delegates: each household may choose two.
        Assert.Equal("每户最多选2人，每人得一票，得票多者当选", (string)open5["countingRule"]!);

        var ballotMail = await ReceiveAsync(roster.Emails["张一"], "请投票");
        Assert.Contains("5栋", ballotMail.Subject);
        Assert.Contains("2026年11月27日 09:00", ballotMail.TextBody); // the deadline, 01:00 UTC, in Beijing time
        Assert.Contains("每户最多选2人，每人得一票，得票多者当选", ballotMail.TextBody);

        // 张一 votes for 张三, then changes to himself; 张二 votes for himself; 张三 has no email: the building head enters his paper ballot.
        await VoteForAsync(LinkIn(ballotMail), zhang3);
        _host.Time.Advance(TimeSpan.FromHours(2));
        await VoteForAsync(LinkIn(ballotMail), zhang1);
        await VoteForAsync(LinkIn(await ReceiveAsync(roster.Emails["张二"], "请投票")), zhang2);
        var paperTask = (string)open5["ballots"]!.AsArray().Single(b => (string)b!["personId"]! == roster.People["张三"].ToString())!["taskId"]!;
        Assert.False((bool)open5["ballots"]!.AsArray().Single(b => (string)b!["taskId"]! == paperTask)!["emailed"]!);
        using (var head = await BuildingHeadAsync(roster.Community))
        {
            // The id without hyphens, as ballots offered it before: still the same candidate, recorded as the API shows it.
            var paper = await head.PostAsJsonAsync($"/api/tasks/{paperTask}/proxy-answer", new { answer = new { choice = Guid.Parse(zhang1).ToString("N") } });
            Assert.Equal(HttpStatusCode.OK, paper.StatusCode);
            // A ballot for two seats records its choices as a list, one here.
            Assert.Equal([zhang1], (await paper.Content.ReadFromJsonAsync<JsonObject>())!["current"]!["answer"]!["choices"]!.AsArray().Select(c => (string)c!));
        }

        // In 6栋 李一 votes; 李二 does not until reminded.
        await VoteAsync(LinkIn(await ReceiveAsync(roster.Emails["李一"], "请投票")), li1);
        _host.Time.Advance(TimeSpan.FromDays(2)); // the reminder time: 24 h before the deadline
        var reminded = await PostAsync($"{api}/elections/{e6}/reminders", new { }, HttpStatusCode.OK);
        Assert.Equal(1, (int)reminded["reminded"]!);
        var reminder = await ReceiveAsync(roster.Emails["李二"], "提醒");
        Assert.Contains("您还没有投票", reminder.TextBody);
        Assert.DoesNotContain(smtp.ReadMessages(), m => m.Recipients.Contains(roster.Emails["李一"]) && (m.Message.Subject ?? "").Contains("提醒", StringComparison.Ordinal));
        await VoteAsync(LinkIn(reminder), li2);

        // Too early to count 5栋? Everyone voted there, so staff may count; 6栋 is counted after the deadline.
        _host.Time.Advance(TimeSpan.FromDays(1));
        var count5 = await PostAsync($"{api}/elections/{e5}/count", new { }, HttpStatusCode.OK);
        var count6 = await PostAsync($"{api}/elections/{e6}/count", new { }, HttpStatusCode.OK);

        Assert.Equal("counted", (string)count5["status"]!);
        Assert.Equal(3, (int)count5["ballotsCast"]!);
        Assert.Equal((2, 1, true), CandidateResult(count5, zhang1));
        Assert.Equal((1, 2, true), CandidateResult(count5, zhang2));
        Assert.Equal((0, 3, false), CandidateResult(count5, zhang3)); // 张一's first choice no longer counts
        Assert.Null(count5["lotsSeed"]);
        Assert.Equal("proxy", (string)count5["ballots"]!.AsArray().Single(b => (string)b!["taskId"]! == paperTask)!["channel"]!);

        // 李一 and 李二 tie 1–1 for 6栋's one seat: lots decide, with the seed recorded; a recount with the seed gives the same result.
        Assert.Equal("counted", (string)count6["status"]!);
        var seed = (string)count6["lotsSeed"]!;
        Assert.Matches("^[0-9a-f]{64}$", seed);
        var recount = PluralityCount.Count([Guid.Parse(li1), Guid.Parse(li2)], [Guid.Parse(li1), Guid.Parse(li2)], 1, seed);
        Assert.Equal(recount.Ranking.Select(r => (r.CandidateId.ToString(), r.Elected)),
            count6["candidates"]!.AsArray().OrderBy(c => (int)c!["rank"]!).Select(c => ((string)c!["id"]!, (bool)c["elected"]!)));
        var winner6 = count6["candidates"]!.AsArray().Single(c => (bool)c!["elected"]!)!;
        Assert.Equal(1, (int)winner6["votes"]!);
        var delegate6 = (string)winner6["name"]!;

        // Answers after the count are refused.
        var late = await _resident.PostAsync(LinkIn(ballotMail), Form(zhang2));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);

        // Layer 2: the three delegates (张一, 张二 and 6栋's) elect one representative.
        var layerTwo = await PostAsync($"{api}/groups/{groupId}/layer-two", new
        {
            seats = 1,
            nominationsCloseAt = _host.Time.GetUtcNow().AddDays(1),
            ballotClosesAt = _host.Time.GetUtcNow().AddDays(3),
            tieRule = "lots",
        }, HttpStatusCode.Created);
        var e2 = (string)layerTwo["id"]!;
        Assert.Equal(2, (int)layerTwo["layer"]!);
        var rep1 = await NominateAsync(api, e2, roster.People["张一"], roster.People["张一"]);
        var rep2 = await NominateAsync(api, e2, roster.People[delegate6], roster.People["张二"]);
        var notDelegate = await _staff.PostAsJsonAsync($"{api}/elections/{e2}/nominations", new { personId = roster.People["张三"] });
        Assert.Equal(HttpStatusCode.BadRequest, notDelegate.StatusCode);
        var open2 = await PostAsync($"{api}/elections/{e2}/close-nominations", new { }, HttpStatusCode.OK);
        Assert.Equal(3, (int)open2["ballotsIssued"]!);
        Assert.Equal("每位楼栋代表一票，得票多者当选", (string)open2["countingRule"]!);

        await VoteAsync(LinkIn(await ReceiveAsync(roster.Emails["张一"], "请投票：推选东苑的利益代表")), rep1);
        await VoteAsync(LinkIn(await ReceiveAsync(roster.Emails["张二"], "请投票：推选东苑的利益代表")), rep1);
        await VoteAsync(LinkIn(await ReceiveAsync(roster.Emails[delegate6], "请投票：推选东苑的利益代表")), rep2);
        Assert.DoesNotContain(smtp.ReadMessages(), m => m.Message.Subject?.Contains("利益代表", StringComparison.Ordinal) == true
            && m.Recipients.Contains(roster.Emails[delegate6 == "李一" ? "李二" : "李一"]));
        var counted2 = await PostAsync($"{api}/elections/{e2}/count", new { }, HttpStatusCode.OK); // everyone voted: staff may count early
        Assert.Equal((2, 1, true), CandidateResult(counted2, rep1));
        Assert.Equal((1, 2, false), CandidateResult(counted2, rep2));

        // Staff add a lawyer, who advises and does not vote; the rules do not let advisors vote.
        var refused = await _staff.PostAsJsonAsync($"{api}/cases/{caseId}/panel", new { personId = roster.Lawyer, role = "advisor", partyKind = "lawyer", votes = true });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var lawyer = await PostAsync($"{api}/cases/{caseId}/panel", new { personId = roster.Lawyer, role = "advisor", partyKind = "lawyer" }, HttpStatusCode.Created);
        Assert.False((bool)lawyer["votes"]!);

        var panel = (await _staff.GetFromJsonAsync<JsonObject>($"{api}/cases/{caseId}/panel"))!;
        var members = panel["members"]!.AsArray();
        var representative = Assert.Single(members, m => (string)m!["role"]! == "representative")!;
        Assert.Equal("张一", (string)representative["name"]!);
        Assert.True((bool)representative["votes"]!);
        Assert.Equal("election", (string)representative["source"]!);
        Assert.Equal(e2, (string)representative["electionId"]!);
        Assert.Single(members, m => (string)m!["role"]! == "advisor" && (string)m["name"]! == "王律师" && !(bool)m["votes"]!);
        Assert.Equal(2, members.Count);

        // 张一 drops out: 6栋's delegate, next in the layer-2 count, takes the seat.
        var dropped = await PostAsync($"{api}/panel-members/{representative["id"]}/drop-out", new { reason = "工作调动，无法参加议事" }, HttpStatusCode.OK);
        Assert.Equal(delegate6, (string)dropped["replacement"]!["name"]!);

        panel = (await _staff.GetFromJsonAsync<JsonObject>($"{api}/cases/{caseId}/panel"))!;
        var now = Assert.Single(panel["members"]!.AsArray(), m => (string)m!["role"]! == "representative")!;
        Assert.Equal(delegate6, (string)now["name"]!);
        Assert.True((bool)now["votes"]!);
        Assert.Equal((string)representative["id"]!, (string)now["replacesId"]!);
        var former = Assert.Single(panel["former"]!.AsArray())!;
        Assert.Equal("张一", (string)former["name"]!);
        Assert.Equal((string)now["id"]!, (string)former["replacedById"]!);
        Assert.Equal("工作调动，无法参加议事", (string)former["leftReason"]!);
    }

    [Fact]
    public async Task StaffTieRule_TieForTheLastSeat_WaitsForTheDecisionAndRecordsTheReason()
    {
        var roster = await SeedAsync();
        var api = $"/api/communities/{roster.Community}";
        var start = _host.Time.GetUtcNow();
        var caseId = (string)(await PostAsync($"{api}/cases", new { title = "6栋楼道照明" }, HttpStatusCode.Created))["id"]!;
        var groupId = (string)(await PostAsync($"{api}/cases/{caseId}/groups", new { kind = "precinct", precinctId = roster.Precinct }, HttpStatusCode.Created))["id"]!;
        var elections = (await PostAsync($"{api}/groups/{groupId}/elections",
            new { seats = 1, nominationsCloseAt = start.AddDays(1), ballotClosesAt = start.AddDays(3), tieRule = "staff" }, HttpStatusCode.Created)).AsArray();
        var e6 = (string)elections.Single(e => (string)e!["buildingGroupId"]! == roster.Building6.ToString())!["id"]!;
        var li1 = await NominateAsync(api, e6, roster.People["李一"], roster.People["李一"]);
        var li2 = await NominateAsync(api, e6, roster.People["李二"], roster.People["李二"]);
        await PostAsync($"{api}/elections/{e6}/close-nominations", new { }, HttpStatusCode.OK);
        await VoteAsync(LinkIn(await ReceiveAsync(roster.Emails["李一"], "请投票")), li1);

        var early = await _staff.PostAsJsonAsync($"{api}/elections/{e6}/count", new { });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("ballot-open", (string)(await early.Content.ReadFromJsonAsync<JsonObject>())!["code"]!);

        await VoteAsync(LinkIn(await ReceiveAsync(roster.Emails["李二"], "请投票")), li2);
        var tied = await PostAsync($"{api}/elections/{e6}/count", new { }, HttpStatusCode.OK);
        Assert.Equal("tied", (string)tied["status"]!);
        Assert.Equal(new[] { li1, li2 }.Order(), tied["tiedForLastSeat"]!.AsArray().Select(x => (string)x!).Order());
        Assert.Null(tied["lotsSeed"]);

        var decided = await PostAsync($"{api}/elections/{e6}/tie-decision", new { order = new[] { Guid.Parse(li2), Guid.Parse(li1) }, reason = "李一主动让出" }, HttpStatusCode.OK);

        Assert.Equal("counted", (string)decided["status"]!);
        Assert.Equal("李一主动让出", (string)decided["tieDecisionReason"]!);
        Assert.NotNull(decided["tieDecidedByUserId"]);
        Assert.Equal((1, 1, true), CandidateResult(decided, li2));
        Assert.Equal((1, 2, false), CandidateResult(decided, li1));
    }

    [Fact]
    public async Task DefineGroup_AtOrBelowTheThreshold_SeatsEveryHouseholdRepresentativeAsAVotingMember()
    {
        var roster = await SeedAsync();
        var api = $"/api/communities/{roster.Community}";
        var caseId = (string)(await PostAsync($"{api}/cases", new { title = "6栋楼道照明" }, HttpStatusCode.Created))["id"]!;

        var group = await PostAsync($"{api}/cases/{caseId}/groups", new { kind = "building-group", buildingGroupId = roster.Building6 }, HttpStatusCode.Created);

        Assert.Equal("direct", (string)group["mode"]!);
        var panel = (await _staff.GetFromJsonAsync<JsonObject>($"{api}/cases/{caseId}/panel"))!["members"]!.AsArray();
        Assert.Equal(["李一", "李二"], panel.Select(m => (string)m!["name"]!).Order());
        Assert.All(panel, m => Assert.True((bool)m!["votes"]! && (string)m["source"]! == "direct" && (string)m["role"]! == "representative"));
        var elections = await _staff.PostAsJsonAsync($"{api}/groups/{group["id"]}/elections",
            new { nominationsCloseAt = _host.Time.GetUtcNow().AddDays(1), ballotClosesAt = _host.Time.GetUtcNow().AddDays(2) });
        Assert.Equal(HttpStatusCode.Conflict, elections.StatusCode);
    }

    private OutboxDispatcher Dispatcher => _host.Services.GetRequiredService<OutboxDispatcher>();

    private async Task<JsonNode> PostAsync(string path, object body, HttpStatusCode expected)
    {
        var response = await _staff.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"POST {path} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>Nominates; returns the candidate id, as the API shows it and the ballot offers it.</summary>
    private async Task<string> NominateAsync(string api, string electionId, Guid personId, Guid? by)
    {
        var candidate = await PostAsync($"{api}/elections/{electionId}/nominations", new { personId, nominatedByPersonId = by }, HttpStatusCode.Created);
        return (string)candidate["id"]!;
    }

    private static (int Votes, int Rank, bool Elected) CandidateResult(JsonNode election, string candidate)
    {
        var c = election["candidates"]!.AsArray().Single(x => (string)x!["id"]! == candidate)!;
        return ((int)c["votes"]!, (int)c["rank"]!, (bool)c["elected"]!);
    }

    private static FormUrlEncodedContent Form(string choice) => new([new KeyValuePair<string, string>("choice", choice)]);

    private Task VoteAsync(string path, string choice) => EmailedLinks.AnswerAsync(_resident, path, choice);

    /// <summary>Ticks one candidate on a ballot for several seats (its boxes are checkboxes named choices), as the browser posts it.</summary>
    private Task VoteForAsync(string path, string candidate) => EmailedLinks.AnswerFormAsync(_resident, path, ("choices", candidate));

    private Task<HttpClient> BuildingHeadAsync(Guid community) => TestAccounts.BuildingHeadAsync(_host, _staff, community, _run);

    /// <summary>The answer-page path of the link in a message's body.</summary>
    private static string LinkIn(MimeKit.MimeMessage message) => EmailedLinks.LinkIn(message);

    /// <summary>Delivers the outbox until the newest message to the address whose subject has the text arrives.</summary>
    private Task<MimeKit.MimeMessage> ReceiveAsync(string address, string subjectPart) =>
        EmailedLinks.ReceiveAsync(smtp, Dispatcher, address, subjectPart);

}
