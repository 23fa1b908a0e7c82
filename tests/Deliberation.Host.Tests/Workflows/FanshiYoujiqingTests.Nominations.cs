using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Deliberation.Civic.Elections;
using Deliberation.Civic.Links;
using Deliberation.Civic.Participation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Host.Tests.Workflows;

/// <summary>Nominations by link: when the workflow opens an election, its voters nominate themselves or a neighbour from their email.</summary>
public sealed partial class FanshiYoujiqingTests
{
    [Fact]
    public async Task OpenedElection_VotersNominateByLink_TheBallotOffersWhomTheyNominated()
    {
        var world = await SeedAsync();
        await AnchorAsync(world);
        var e5 = (await ElectionsAsync(world, 1)).Single(e => e.BuildingGroupId == world.Building5).Id;

        // Every voter with an email is invited, in Chinese, with the deadline in Beijing time (t0 + 3d, 09:00).
        var invitation = await ReceiveAsync(world.Emails["张一"], "【提名】");
        Assert.StartsWith("【提名】推选5栋的楼栋代表", invitation.Subject, StringComparison.Ordinal);
        Assert.Contains("选出1名", invitation.TextBody, StringComparison.Ordinal);
        Assert.Contains("提名将于2026年11月26日 09:00（北京时间）截止", invitation.TextBody, StringComparison.Ordinal);
        var zhang1Link = LinkIn(invitation);
        var zhang2Link = LinkIn(await ReceiveAsync(world.Emails["张二"], "【提名】"));
        var li1Link = LinkIn(await ReceiveAsync(world.Emails["李一"], "【提名】"));

        // Opening the link lists the electorate by household and records nothing.
        var page = await _resident.GetAsync(zhang1Link);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("5栋-501 张一（本人）", html, StringComparison.Ordinal);
        Assert.Contains("5栋-502 张二", html, StringComparison.Ordinal);
        Assert.Contains("5栋-503 张三", html, StringComparison.Ordinal);
        Assert.Contains("最多可选 1 项", html, StringComparison.Ordinal);
        Assert.DoesNotContain("李一", html, StringComparison.Ordinal);
        Assert.Empty(await CandidatesAsync(e5));

        // 张一 nominates himself; 张二 nominates his neighbour 张三, who has no email; in 6栋 李一 nominates 李二.
        await EmailedLinks.AnswerFormAsync(_resident, zhang1Link, ("choices", Id(world, "张一")));
        await EmailedLinks.AnswerFormAsync(_resident, zhang2Link, ("choices", Id(world, "张三")));
        await EmailedLinks.AnswerFormAsync(_resident, li1Link, ("choices", Id(world, "李二")));
        Assert.Equal([("张一", NominationKinds.Self, "张一"), ("张三", NominationKinds.Other, "张二")], await CandidatesAsync(e5, world));

        // 张三 has no email: staff see his invitation, and his building head enters his paper nomination of himself.
        var election = (await _staff.GetFromJsonAsync<JsonObject>($"/api/communities/{world.Community}/elections/{e5}"))!;
        var zhang3 = election["nominationInvitations"]!.AsArray().Single(n => (string)n!["voterName"]! == "张三")!;
        Assert.False((bool)zhang3["emailed"]!);
        using (var head = await TestAccounts.BuildingHeadAsync(_host, _staff, world.Community, _run))
        {
            var paper = await head.PostAsJsonAsync($"/api/tasks/{zhang3["taskId"]}/proxy-answer", new { answer = new { choices = new[] { Id(world, "张三") } } });
            Assert.Equal(HttpStatusCode.OK, paper.StatusCode);
        }
        Assert.Equal([("张一", NominationKinds.Self, "张一"), ("张三", NominationKinds.Other, "张二")], await CandidatesAsync(e5, world));
        election = (await _staff.GetFromJsonAsync<JsonObject>($"/api/communities/{world.Community}/elections/{e5}"))!;
        Assert.Equal(("proxy", true), ((string)election["nominationInvitations"]!.AsArray().Single(n => (string)n!["voterName"]! == "张三")!["channel"]!,
            (bool)election["nominationInvitations"]!.AsArray().Single(n => (string)n!["voterName"]! == "张一")!["nominated"]!));

        // More nominations than seats: a clear error, and nothing changes.
        var tooMany = await _resident.PostAsync(zhang2Link, Form(("choices", Id(world, "张二")), ("choices", Id(world, "张一"))));
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("最多只能选择 1 项", await tooMany.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal([("张一", NominationKinds.Self, "张一"), ("张三", NominationKinds.Other, "张二")], await CandidatesAsync(e5, world));

        // A tampered link, or a link made for another purpose, is refused as every answer link is, and changes nothing.
        var i = zhang2Link.Length - 5;
        var tampered = zhang2Link[..i] + (zhang2Link[i] == 'x' ? 'y' : 'x') + zhang2Link[(i + 1)..];
        var refused = await _resident.PostAsync(tampered, Form(("choices", Id(world, "张二"))));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("链接无效", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var otherPurpose = await _resident.PostAsync(await LinkWithPurposeAsync(world, "张二", TaskPurposes.Ballot), Form(("choices", Id(world, "张二"))));
        Assert.Equal(HttpStatusCode.Forbidden, otherPurpose.StatusCode);
        Assert.Contains("链接用途不符", await otherPurpose.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal([("张一", NominationKinds.Self, "张一"), ("张三", NominationKinds.Other, "张二")], await CandidatesAsync(e5, world));

        // 张二 changes his mind and nominates himself: 张三 stays a candidate, as his own (paper) nomination.
        await EmailedLinks.AnswerFormAsync(_resident, zhang2Link, ("choices", Id(world, "张二")));
        Assert.Equal([("张一", NominationKinds.Self, "张一"), ("张三", NominationKinds.Self, "张三"), ("张二", NominationKinds.Self, "张二")],
            await CandidatesAsync(e5, world));

        // 张一 withdraws himself for 张二, already a candidate: 张一 is no longer one, and nobody is nominated twice.
        await EmailedLinks.AnswerFormAsync(_resident, zhang1Link, ("choices", Id(world, "张二")));
        Assert.Equal([("张三", NominationKinds.Self, "张三"), ("张二", NominationKinds.Self, "张二")], await CandidatesAsync(e5, world));

        // Nominations close on the workflow's timer: the link says so, and a late nomination changes nothing.
        await AdvanceAndPumpAsync(TimeSpan.FromDays(3));
        var closedPage = await (await _resident.GetAsync(zhang2Link)).Content.ReadAsStringAsync();
        Assert.Contains("提名已截止", closedPage, StringComparison.Ordinal);
        var late = await _resident.PostAsync(zhang2Link, Form(("choices", Id(world, "张三"))));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("提名已截止", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal([("张三", NominationKinds.Self, "张三"), ("张二", NominationKinds.Self, "张二")], await CandidatesAsync(e5, world));

        // The ballot offers exactly whom the voters nominated.
        var ballot = await (await _resident.GetAsync(LinkIn(await ReceiveAsync(world.Emails["张一"], "请投票")))).Content.ReadAsStringAsync();
        Assert.Contains("张三（5栋 503）", ballot, StringComparison.Ordinal);
        Assert.Contains("张二（5栋 502）", ballot, StringComparison.Ordinal);
        Assert.DoesNotContain("张一", ballot, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithdrawnNomination_NamedByAnotherVoterToo_StaysWithThemAsNominator()
    {
        var world = await SeedAsync();
        await AnchorAsync(world);
        var e5 = (await ElectionsAsync(world, 1)).Single(e => e.BuildingGroupId == world.Building5).Id;
        var zhang1Link = LinkIn(await ReceiveAsync(world.Emails["张一"], "【提名】"));
        var zhang2Link = LinkIn(await ReceiveAsync(world.Emails["张二"], "【提名】"));

        // Both name 张三; 张一 was first, so he is 张三's nominator.
        await EmailedLinks.AnswerFormAsync(_resident, zhang1Link, ("choices", Id(world, "张三")));
        _host.Time.Advance(Tick);
        await EmailedLinks.AnswerFormAsync(_resident, zhang2Link, ("choices", Id(world, "张三")));
        Assert.Equal([("张三", NominationKinds.Other, "张一")], await CandidatesAsync(e5, world));

        // 张一 nominates himself instead: 张三 stays a candidate, now as 张二's nomination.
        await EmailedLinks.AnswerFormAsync(_resident, zhang1Link, ("choices", Id(world, "张一")));

        Assert.Equal([("张三", NominationKinds.Other, "张二"), ("张一", NominationKinds.Self, "张一")], await CandidatesAsync(e5, world));
    }

    [Fact]
    public async Task NobodyNominatedInABuilding_StaffAreAlertedAndNominationsReopen_ThenTheBallotGoesOut()
    {
        var world = await SeedAsync();
        var contact = $"jiedao-{_run}@test.local";
        var contacts = await _staff.PutAsJsonAsync($"/api/communities/{world.Community}/escalation-contacts", new { escalationEmails = contact });
        Assert.True(contacts.IsSuccessStatusCode, await contacts.Content.ReadAsStringAsync());
        var t0 = _host.Time.GetUtcNow();
        var instanceId = await AnchorAsync(world);
        // 6栋 nominates 李一; in 5栋 nobody is nominated.
        await NominateAsync(world, (await ElectionsAsync(world, 1)).Single(e => e.BuildingGroupId == world.Building6).Id, "李一");

        await AdvanceAndPumpAsync(TimeSpan.FromDays(3));

        // No ballots and no incident: staff are alerted, and the layer takes nominations for another window.
        Assert.Equal(["nominations"], await WaitingAsync(instanceId));
        Assert.Contains("5栋的推选在提名截止时无人被提名", (await ReceiveAsync(contact, "推选无人被提名")).TextBody, StringComparison.Ordinal);
        Assert.Contains("no-candidates", await _staff.GetStringAsync($"/api/communities/{world.Community}/escalations"), StringComparison.Ordinal);
        Assert.All(await ElectionsAsync(world, 1), e =>
            Assert.Equal((ElectionStatuses.Nominating, t0.AddDays(6), t0.AddDays(11)), (e.Status, e.NominationsCloseAt, e.BallotClosesAt)));
        Assert.DoesNotContain(smtp.ReadMessages(), m => m.Recipients.Any(world.Emails.ContainsValue) && (m.Message.Subject ?? "").StartsWith("请投票", StringComparison.Ordinal));

        // 5栋's voters are invited again (6栋's, who have a candidate, are not); 张二 nominates himself by link.
        var again = await ReceiveAsync(world.Emails["张二"], "【提名】重新开放");
        Assert.Contains("提名将于2026年11月29日 09:00（北京时间）截止", again.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(smtp.ReadMessages(), m => m.Recipients.Contains(world.Emails["李一"]) && (m.Message.Subject ?? "").Contains("重新开放", StringComparison.Ordinal));
        await EmailedLinks.AnswerFormAsync(_resident, LinkIn(again), ("choices", Id(world, "张二")));

        // At the new deadline the ballots go out, with the new candidate.
        await AdvanceAndPumpAsync(TimeSpan.FromDays(3));
        Assert.Equal(["ballotDeadline", "reminderDue"], (await WaitingAsync(instanceId)).Order(StringComparer.Ordinal));
        var ballot = await (await _resident.GetAsync(LinkIn(await ReceiveAsync(world.Emails["张一"], "请投票")))).Content.ReadAsStringAsync();
        Assert.Contains("张二（5栋 502）", ballot, StringComparison.Ordinal);
    }

    private static string Id(World world, string name) => world.People[name].ToString();

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    /// <summary>The election's candidates in ballot order: who, how nominated, by whom.</summary>
    private async Task<List<(string Name, string Kind, string? By)>> CandidatesAsync(Guid electionId, World world)
    {
        var names = world.People.ToDictionary(p => p.Value, p => p.Key);
        return (await CandidatesAsync(electionId)).Select(c => (names[c.PersonId], c.NominationKind, c.NominatedByPersonId is { } by ? names[by] : null)).ToList();
    }

    private async Task<List<Candidate>> CandidatesAsync(Guid electionId)
    {
        await using var db = Database.CreateContext();
        return await db.Candidates.Where(c => c.ElectionId == electionId).OrderBy(c => c.Position).ToListAsync();
    }

    /// <summary>A correctly signed link to the person's nomination task that claims another purpose.</summary>
    private async Task<string> LinkWithPurposeAsync(World world, string name, string purpose)
    {
        await using var db = Database.CreateContext();
        var task = await db.Tasks.SingleAsync(t => t.PersonId == world.People[name] && t.Purpose == TaskPurposes.Nominate);
        var links = _host.Services.GetRequiredService<AnswerLinks>();
        var now = _host.Time.GetUtcNow();
        return AnswerLinks.PathPrefix + links.Signer.Sign(new LinkClaims(task.Id, task.PersonId, purpose, links.ExpiryFor(task, now), task.LinkVersion));
    }
}
