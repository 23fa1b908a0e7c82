using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Deliberation.Civic.Communities;
using Deliberation.Civic.Issues;
using Deliberation.Civic.Needs;
using Deliberation.Integrations.Outbox;
using Deliberation.Integrations.Schedules;
using Deliberation.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Deliberation.Host.Tests.Needs;

/// <summary>
/// 三必做 (workflows/sanbizuo.json as imported at start-up): the monthly residents' deliberation starts by its own schedule
/// (09:00 Beijing time on the 1st, in every community) three months running, once each, while the host is stopped between
/// months and a new one started on the same database with its clock moved on. December's instance runs to its end through
/// the links a real SMTP server (aiosmtpd) received: the building head chooses the month's matter among the needs list's
/// best-ranked, the residents vote with their views, the community lead writes the minutes, the residents are told the
/// result, and the moral review and the policy briefing go out beside it. Fake time, timers pumped explicitly.
/// </summary>
[Trait("Category", "Deliberation")]
public sealed class SanbizuoTests(SmtpServer smtp) : IClassFixture<SmtpServer>, IAsyncLifetime
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, Beijing);
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private readonly string _data = TestPaths.NewTempFolder();
    private readonly List<HostFactory> _hosts = [];

    public Task InitializeAsync() => smtp.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts) await host.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { /* best effort */ }
    }

    /// <summary>A host on this test's database (the same across restarts), with the real SMTP server and its own clock.</summary>
    private HostFactory NewHost(DateTimeOffset now)
    {
        var host = new HostFactory(_data, new FakeTimeProvider(now))
        {
            Settings =
            {
                ["Deliberation:Mail:SmtpHost"] = "127.0.0.1",
                ["Deliberation:Mail:SmtpPort"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
                ["Deliberation:Mail:SmtpSecurity"] = "None",
            },
        };
        _hosts.Add(host);
        return host;
    }

    private static DateTimeOffset NineOClockOn(int year, int month) => new(year, month, 1, 9, 0, 0, Beijing);

    [Fact]
    public async Task Sanbizuo_ScheduledThreeMonthsAcrossRestarts_StartsOnceEachMonth_AndDecemberRunsToItsEndByEmailedLinks()
    {
        Dictionary<string, string> emails;
        Guid community;
        string december;
        await using (var first = NewHost(Start))
        {
            using var staff = first.CreateClient();
            // The file validated and was published at start-up, with its schedule running: 09:00 on the 1st, Beijing time.
            var definition = (await staff.GetFromJsonAsync<JsonObject>("/api/workflows/sanbizuo"))!;
            Assert.True((bool)definition["schedule"]!["runs"]!);
            Assert.Equal(["2026-12-01T09:00:00+08:00", "2027-01-01T09:00:00+08:00", "2027-02-01T09:00:00+08:00"],
                definition["schedule"]!["next"]!.AsArray().Select(n => (string)n!).ToList());
            (community, emails) = await SeedAsync(first.Services.GetRequiredService<DeliberationDatabase>(), first.Time.GetUtcNow());

            // Nothing before the first occurrence; at it, one instance in the community, and only one however often it looks.
            first.Time.SetUtcNow(NineOClockOn(2026, 12).AddSeconds(-1));
            Assert.Equal(0, await Scheduler(first).StartDueAsync(CancellationToken.None));
            first.Time.SetUtcNow(NineOClockOn(2026, 12).AddSeconds(30));
            Assert.Equal(1, await Scheduler(first).StartDueAsync(CancellationToken.None));
            Assert.Equal(0, await Scheduler(first).StartDueAsync(CancellationToken.None));
            december = (string)Assert.Single(await InstancesAsync(staff))["id"]!;
            await RunDecemberAsync(first, staff, december, emails);
        }

        // The host is stopped; a new one starts on the same database in January: January's occurrence starts once, December's
        // not again. Staff closed every open need meanwhile: the community lead is told that nothing waits to be deliberated.
        await using (var second = NewHost(NineOClockOn(2027, 1).AddMinutes(2)))
        {
            await using (var db = second.Services.GetRequiredService<DeliberationDatabase>().CreateContext())
                await db.Needs.Where(n => n.Status == NeedStatuses.Open).ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NeedStatuses.Closed));
            Assert.Equal(1, await Scheduler(second).StartDueAsync(CancellationToken.None));
            Assert.Equal(0, await Scheduler(second).StartDueAsync(CancellationToken.None));
            var nothing = await ReceiveAsync(second, emails["陈主任"], "本月居民议事：需求清单中没有待议事项", after: NineOClockOn(2027, 1));
            Assert.Contains("陈主任您好：", nothing.TextBody, StringComparison.Ordinal);
        }

        // Again in February, with one need open: it is the month's matter without a choice; a restart within February starts nothing more.
        await using (var third = NewHost(NineOClockOn(2027, 2).AddMinutes(5)))
        {
            await using (var db = third.Services.GetRequiredService<DeliberationDatabase>().CreateContext())
            {
                var at = third.Time.GetUtcNow();
                db.Needs.Add(new Need { Id = Guid.NewGuid(), CommunityId = community, Title = "垃圾分类点位调整", Kind = NeedKinds.LongTerm, CreatedAt = at, UpdatedAt = at });
                await db.SaveChangesAsync();
            }
            Assert.Equal(1, await Scheduler(third).StartDueAsync(CancellationToken.None));
            Assert.Equal(0, await Scheduler(third).StartDueAsync(CancellationToken.None));
            await ReceiveAsync(third, emails["李四"], "【居民议事】本月议题：垃圾分类点位调整", after: NineOClockOn(2027, 2));
            using var staff = third.CreateClient();
            var february = (await InstancesAsync(staff)).Single(i => DateTimeOffset.Parse((string)i["createdAt"]!, CultureInfo.InvariantCulture) >= NineOClockOn(2027, 2));
            Assert.Equal(["deliberate", "moral"], (await WaitingAsync(staff, (string)february["id"]!)).Order(StringComparer.Ordinal));
        }
        await using var fourth = NewHost(NineOClockOn(2027, 2).AddHours(3));
        Assert.Equal(0, await Scheduler(fourth).StartDueAsync(CancellationToken.None));

        using var client = fourth.CreateClient();
        var instances = await InstancesAsync(client);
        Assert.Equal(3, instances.Count);
        Assert.All(instances, i => Assert.Equal(community.ToString(), (string)i["communityId"]!));
        Assert.Equal([new DateTime(2026, 12, 1), new DateTime(2027, 1, 1), new DateTime(2027, 2, 1)],
            instances.Select(i => DateTimeOffset.Parse((string)i["createdAt"]!, CultureInfo.InvariantCulture).ToOffset(Beijing).Date).Order().ToList());
        Assert.Equal("Finished", (string)instances.Single(i => (string)i["id"]! == december)["status"]!);
        // The file was imported once: each restart found it unchanged.
        var versions = (await client.GetFromJsonAsync<JsonArray>("/api/workflows/sanbizuo/versions"))!;
        Assert.Single(versions);
    }

    /// <summary>A workflow that lists the needs with the given inputs of 查询需求清单, as the designer saves it.</summary>
    private static string Lister(string id, string inputs) => $$"""
        {
          "id": "{{id}}",
          "displayName": { "zh-CN": "查询需求清单", "en": "List needs" },
          "activities": [
            { "id": "start", "type": "Start" },
            { "id": "list", "type": "ListNeeds", "inputs": {{inputs}} },
            { "id": "end", "type": "End" }
          ],
          "connections": [
            { "source": "start", "sourcePort": "Done", "target": "list" },
            { "source": "list", "sourcePort": "Done", "target": "end" }
          ]
        }
        """;

    [Theory]
    [InlineData("""{ "kind": { "type": "literal", "value": "long-term" } }""", "小区停车位不足,广场舞噪音扰民", 2)]
    [InlineData("""{ "matterKinds": { "type": "literal", "value": "noise, greenery" } }""", "广场舞噪音扰民", 1)]
    [InlineData("""{ "limit": { "type": "literal", "value": 1 } }""", "小区停车位不足", 3)]
    [InlineData("""{ "status": { "type": "literal", "value": "claimed" } }""", "健身器材损坏", 1)]
    [InlineData("""{ "kind": { "type": "literal", "value": "urgent" }, "resultVariable": { "type": "literal", "value": "found" } }""", "3栋楼道灯不亮", 1)]
    public async Task ListNeeds_Filters_ListsTheCommunitysNeedsByTheRanking(string inputs, string titles, int total)
    {
        var host = NewHost(Start);
        using var staff = host.CreateClient();
        var (community, _) = await SeedAsync(host.Services.GetRequiredService<DeliberationDatabase>(), host.Time.GetUtcNow());
        var definition = Lister($"list-{_run}", inputs);
        if (inputs.Contains("found", StringComparison.Ordinal))
            definition = definition.Replace("\"activities\"", "\"variables\": [ { \"name\": \"found\", \"default\": null } ],\n\"activities\"", StringComparison.Ordinal);
        var output = await RunListerAsync(staff, definition, community);

        Assert.Equal(titles.Split(','), output["options"]!.AsArray().Select(o => (string)o!));
        Assert.Equal(total, (int)output["total"]!);
        Assert.Equal(output["items"]!.AsArray().Select(i => (string)i!["id"]!), output["ids"]!.AsArray().Select(i => (string)i!));
    }

    [Fact]
    public async Task ListNeeds_AKindOfMatterNotInTheCatalogue_IsAnIncidentWithItsCode()
    {
        var host = NewHost(Start);
        using var staff = host.CreateClient();
        var (community, _) = await SeedAsync(host.Services.GetRequiredService<DeliberationDatabase>(), host.Time.GetUtcNow());
        var started = await StartListerAsync(staff, Lister($"bad-{_run}", """{ "matterKinds": { "type": "literal", "value": "parking,casino" } }"""), community);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/instances/{started}");
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var instance = (await (await staff.SendAsync(request)).Content.ReadFromJsonAsync<JsonObject>())!;
        var incident = Assert.Single(instance["incidents"]!.AsArray())!;
        Assert.Equal("list-needs-matter-unknown", (string)incident["code"]!);
        Assert.Contains("“casino”不是本社区协商事项指导目录中的事项类别", (string)incident["text"]!, StringComparison.Ordinal);
    }

    private static async Task<string> StartListerAsync(HttpClient staff, string definition, Guid community)
    {
        var id = (string)JsonNode.Parse(definition)!["id"]!;
        var saved = await staff.PutAsync($"/api/workflows/{id}", new StringContent(definition, System.Text.Encoding.UTF8, "application/json"));
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/workflows/{id}/versions/1/publish", null)).StatusCode);
        var response = await staff.PostAsJsonAsync("/api/instances", new { definitionId = id, communityId = community });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return (string)JsonNode.Parse(text)!["instanceId"]!;
    }

    private static async Task<JsonNode> RunListerAsync(HttpClient staff, string definition, Guid community)
    {
        var started = await StartListerAsync(staff, definition, community);
        var instance = (await staff.GetFromJsonAsync<JsonObject>($"/api/instances/{started}"))!;
        Assert.True(instance["incidents"]!.AsArray().Count == 0, instance["incidents"]!.ToJsonString());
        Assert.Equal("Finished", (string)instance["instance"]!["status"]!);
        if (instance["variables"]?["found"] is { } found) Assert.Equal(instance["outputs"]!["list"]!.ToJsonString(), found.ToJsonString());
        return instance["outputs"]!["list"]!;
    }

    /// <summary>December's instance, from the choice of the matter to the result, the moral review and the briefing.</summary>
    private async Task RunDecemberAsync(HostFactory host, HttpClient staff, string instanceId, Dictionary<string, string> emails)
    {
        using var resident = host.CreateAnonymousClient();
        Assert.Equal(["choose", "moral"], (await WaitingAsync(staff, instanceId)).Order(StringComparer.Ordinal));
        var instance = (await staff.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}"))!;
        // The candidates by the ranking: the complaints' needs by their score (parking above noise), then the request.
        Assert.Equal(["小区停车位不足", "广场舞噪音扰民", "3栋楼道灯不亮"],
            instance["outputs"]!["candidates"]!["options"]!.AsArray().Select(o => (string)o!).ToList());
        Assert.Equal(["parking", "noise", null],
            instance["outputs"]!["candidates"]!["items"]!.AsArray().Select(o => (string?)o!["matter"]).ToList());
        Assert.Equal("停车管理", (string)instance["outputs"]!["candidates"]!["items"]![0]!["matterName"]!);

        // The policy briefing reached the residents at once.
        var briefing = await ReceiveAsync(host, emails["张一"], "【政策宣讲】时事政策与法治宣讲");
        Assert.Contains("张一您好：", briefing.TextBody, StringComparison.Ordinal);

        // The building head chooses the month's matter by the link (not the best-ranked: the residents' choice counts).
        var choice = await ReceiveAsync(host, emails["王楼长"], "【征询】请选择本月居民议事的议题");
        Assert.Contains("小区停车位不足", choice.TextBody, StringComparison.Ordinal);
        await EmailedLinks.AnswerFormAsync(resident, EmailedLinks.LinkIn(choice), ("choice", "广场舞噪音扰民"), ("comment", "晚上噪音影响老人休息"));
        Assert.Equal(["deliberate", "moral"], (await WaitingAsync(staff, instanceId)).Order(StringComparer.Ordinal));

        // The residents are told the matter and asked their view and vote; each answers by their link.
        await ReceiveAsync(host, emails["李四"], "【居民议事】本月议题：广场舞噪音扰民");
        var votes = new (string Name, string Choice, string Comment)[]
        {
            ("张一", "yes", "建议晚上八点后降低音量"), ("王楼长", "yes", "可以换到小区东侧空地"), ("李四", "no", "跳舞是老人唯一的活动"),
        };
        foreach (var (name, vote, comment) in votes)
        {
            var mail = await ReceiveAsync(host, emails[name], "【征询】居民议事：是否同意把“广场舞噪音扰民”列为本月议事决定");
            await EmailedLinks.AnswerFormAsync(resident, EmailedLinks.LinkIn(mail), ("choice", vote), ("comment", comment));
        }
        Assert.Equal(["minutes", "moral"], (await WaitingAsync(staff, instanceId)).Order(StringComparer.Ordinal));

        // The community lead gets the tally and the views, and writes the minutes by the link.
        var minutesMail = await ReceiveAsync(host, emails["陈主任"], "【征询】请填写本月居民议事纪要：广场舞噪音扰民");
        Assert.Contains("同意 2 人，不同意 1 人", minutesMail.TextBody, StringComparison.Ordinal);
        Assert.Contains("可以换到小区东侧空地", minutesMail.TextBody, StringComparison.Ordinal);
        await EmailedLinks.AnswerFormAsync(resident, EmailedLinks.LinkIn(minutesMail), ("comment", "议定：广场舞晚上八点后降低音量，九点前结束；物业在东侧空地划定活动区域。"));
        Assert.Equal(["moral"], await WaitingAsync(staff, instanceId));

        // Every resident is told the result with the minutes.
        foreach (var name in new[] { "张一", "王楼长", "李四" })
        {
            var result = await ReceiveAsync(host, emails[name], "【居民议事结果】广场舞噪音扰民：多数同意");
            Assert.Contains("同意 2 人，不同意 1 人", result.TextBody, StringComparison.Ordinal);
            Assert.Contains("九点前结束", result.TextBody, StringComparison.Ordinal);
        }

        // The moral review: one resident puts forward a good deed; the review closes at its deadline and its result goes out.
        var moral = await ReceiveAsync(host, emails["张一"], "【征询】本月道德评议：请推荐身边的好人好事");
        await EmailedLinks.AnswerFormAsync(resident, EmailedLinks.LinkIn(moral), ("comment", "李四每天帮独居老人取快递"));
        for (var day = 0; day < 7; day++)
        {
            host.Time.Advance(TimeSpan.FromDays(1));
            await host.TimerPump.FireAllDueAsync(CancellationToken.None);
        }
        var published = await ReceiveAsync(host, emails["李四"], "【道德评议】本月居民推荐的好人好事");
        Assert.Contains("李四每天帮独居老人取快递", published.TextBody, StringComparison.Ordinal);

        var done = (await staff.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}"))!;
        Assert.Equal("Finished", (string)done["instance"]!["status"]!);
        Assert.Empty(done["incidents"]!.AsArray());
        Assert.Equal("广场舞噪音扰民", (string)done["variables"]!["matter"]!);
        Assert.Equal(("AllAnswered", 2, 1), ((string)done["outputs"]!["deliberate"]!["outcome"]!,
            (int)done["outputs"]!["deliberate"]!["tally"]!["counts"]!["yes"]!, (int)done["outputs"]!["deliberate"]!["tally"]!["counts"]!["no"]!));
        Assert.Equal("Deadline", (string)done["outputs"]!["moral"]!["outcome"]!);
    }

    /// <summary>
    /// 文化路社区 with 3栋: 张一 (301), 王楼长 (302, its building head), 李四 (303), all residents with email, and 陈主任, the
    /// community lead; its needs list holds a request (3栋楼道灯不亮, urgent) and two needs fed from complaints — parking
    /// (many reporters, urgent and severe) and noise (one reporter) — and a need already claimed, which is not a candidate.
    /// </summary>
    private async Task<(Guid Community, Dictionary<string, string> Emails)> SeedAsync(DeliberationDatabase database, DateTimeOffset now)
    {
        var community = new Community { Id = Guid.NewGuid(), Code = "s" + _run, Name = "文化路社区", CreatedAt = now };
        var precinct = new Precinct { Id = Guid.NewGuid(), CommunityId = community.Id, Name = "宇辉星城" };
        var building = new BuildingGroup { Id = Guid.NewGuid(), CommunityId = community.Id, PrecinctId = precinct.Id, Name = "3栋" };
        Household Home(string unit) => new() { Id = Guid.NewGuid(), CommunityId = community.Id, BuildingGroupId = building.Id, Unit = unit, FloorArea = 80m };
        var homes = new[] { Home("301"), Home("302"), Home("303") };
        await using var db = database.CreateContext();
        db.Communities.Add(community);
        db.Precincts.Add(precinct);
        db.BuildingGroups.Add(building);
        db.Households.AddRange(homes);
        var emails = new Dictionary<string, string>();
        var order = 0;
        void Add(string name, string handle, PersonRoles roles, Household? home)
        {
            var email = $"{handle}-{_run}@test.local";
            db.People.Add(new Person
            {
                Id = Guid.NewGuid(), CommunityId = community.Id, HouseholdId = home?.Id, BuildingGroupId = building.Id, Name = name, Email = email, Roles = roles,
                IsHouseholdRepresentative = home is not null, CreatedAt = now.AddSeconds(order++),
            });
            emails[name] = email;
        }
        Add("张一", "zhang1", PersonRoles.Resident, homes[0]);
        Add("王楼长", "wang", PersonRoles.Resident | PersonRoles.BuildingHead, homes[1]);
        Add("李四", "li4", PersonRoles.Resident, homes[2]);
        Add("陈主任", "chen", PersonRoles.CommunityLead, null);

        Complaint Complaint(string category, string title, int reporters, int urgency, int severity, int minutes) => new()
        {
            Id = Guid.NewGuid(), CommunityId = community.Id, CategoryCode = category, Title = title, Description = title, ReporterCount = reporters,
            Urgency = urgency, Severity = severity, LoggedByUserId = Guid.NewGuid(), LoggedAt = now.AddMinutes(minutes),
        };
        var parking = Complaint("parking", "小区停车位不足", 6, 5, 4, 2);
        var noise = Complaint("noise", "广场舞噪音扰民", 1, 2, 2, 1);
        db.Complaints.AddRange(parking, noise);
        Need Need(string title, string kind, Complaint? from, int minutes, string status = NeedStatuses.Open) => new()
        {
            Id = Guid.NewGuid(), CommunityId = community.Id, Title = title, Kind = kind, Source = from is null ? NeedSources.Request : NeedSources.Complaint,
            ComplaintId = from?.Id, Status = status, CreatedAt = now.AddMinutes(minutes), UpdatedAt = now.AddMinutes(minutes),
        };
        db.Needs.AddRange(
            Need("3栋楼道灯不亮", NeedKinds.Urgent, null, 0),
            Need("广场舞噪音扰民", NeedKinds.LongTerm, noise, 1),
            Need("小区停车位不足", NeedKinds.LongTerm, parking, 2),
            Need("健身器材损坏", NeedKinds.Urgent, null, 3, NeedStatuses.Claimed));
        await db.SaveChangesAsync();
        return (community.Id, emails);
    }

    private static ScheduledStarts Scheduler(HostFactory host) => host.Services.GetRequiredService<ScheduledStarts>();

    private static async Task<List<JsonNode>> InstancesAsync(HttpClient client)
    {
        var page = await client.GetFromJsonAsync<JsonObject>("/api/instances?definitionId=sanbizuo&take=100");
        return page!["items"]!.AsArray().Select(i => i!).ToList();
    }

    /// <summary>The ids of the activities the instance waits in; it has no incident.</summary>
    private static async Task<string[]> WaitingAsync(HttpClient staff, string instanceId)
    {
        var instance = (await staff.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}"))!;
        Assert.True(instance["incidents"]!.AsArray().Count == 0, instance["incidents"]!.ToJsonString());
        return instance["waiting"]!.AsArray().Select(w => (string)w!["activityId"]!).ToArray();
    }

    /// <summary>The newest message to the address with the text in its subject, sent at or after <paramref name="after"/> when given.</summary>
    private async Task<MimeKit.MimeMessage> ReceiveAsync(HostFactory host, string address, string subjectPart, DateTimeOffset? after = null)
    {
        var message = await EmailedLinks.ReceiveAsync(smtp, host.Services.GetRequiredService<OutboxDispatcher>(), address, subjectPart);
        if (after is { } since) Assert.True(message.Date >= since, $"The newest '{subjectPart}' to {address} was sent {message.Date}, before {since}.");
        return message;
    }
}
