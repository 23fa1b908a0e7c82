using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Deliberation.Civic.Elections;
using Deliberation.Civic.Implementation;
using Deliberation.Civic.Issues;
using Deliberation.Civic.Needs;
using Deliberation.Civic.Participation;
using Deliberation.Civic.Responses;
using Deliberation.Host.Tests.Security;
using Deliberation.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Host.Tests.Reporting;

/// <summary>
/// The dashboard's monthly rates through the staff API, counted from rows in the database: each community sees its own,
/// a month without anything to count has no rate, bad input is refused in the caller's language.
/// </summary>
[Trait("Category", "Deliberation")]
public sealed class RatesApiTests(HostFactory host) : IClassFixture<HostFactory>
{
    [Fact]
    public async Task Rates_SeededCommunity_CountsItsOwnMonths_AndNeverAnotherCommunitys()
    {
        var world = await TwoCommunities.CreateAsync(host);
        var now = host.Time.GetUtcNow();
        await SeedAsync(world.A, now);
        await SeedOtherAsync(world.B, now);

        var months = (await world.StaffA.GetFromJsonAsync<JsonArray>($"/api/communities/{world.A}/rates"))!;
        var theirs = (await world.StaffB.GetFromJsonAsync<JsonArray>($"/api/communities/{world.B}/rates"))!;

        // The host's clock stands at 2026-11-23 09:00 Beijing time.
        Assert.Equal(12, months.Count);
        Assert.Equal("2025-12", (string)months[0]!["month"]!);
        var november = months[11]!;
        Assert.Equal("2026-11", (string)november["month"]!);
        Assert.Equal((1, 2, 50.0), Figures(november["response"]!));
        Assert.Equal((330, 2), ((int)november["averageResponseMinutes"]!, (int)november["handled"]!));
        Assert.Equal((2, 3, 66.7), Figures(november["resolution"]!));
        Assert.Equal((2, 3, 66.7), Figures(november["satisfaction"]!));
        var october = months[10]!;
        Assert.Equal((1, 1, 100.0), Figures(october["resolution"]!));
        Assert.Equal((0, 0), ((int)october["response"]!["denominator"]!, (int)october["satisfaction"]!["denominator"]!));
        Assert.Null(october["response"]!["percent"]);
        Assert.Null(october["averageResponseMinutes"]);
        Assert.All(months.Take(10), m => Assert.Null(m!["resolution"]!["percent"]));

        var ours = theirs[11]!;
        Assert.Equal((0, 1, 0.0), Figures(ours["response"]!));
        Assert.Equal((0, 2, 0.0), Figures(ours["resolution"]!));
        Assert.Equal((0, 2, 0.0), Figures(ours["satisfaction"]!));
    }

    [Fact]
    public async Task Rates_AnotherCommunityOrABuildingHead_IsRefused()
    {
        var world = await TwoCommunities.CreateAsync(host);
        await SeedAsync(world.A, host.Time.GetUtcNow());

        var throughOurs = await world.StaffB.GetAsync($"/api/communities/{world.A}/rates");
        var buildingHead = await world.HeadA.GetAsync($"/api/communities/{world.A}/rates");
        var both = await world.StaffAB.GetFromJsonAsync<JsonArray>($"/api/communities/{world.B}/rates");

        Assert.Equal(HttpStatusCode.NotFound, throughOurs.StatusCode);
        Assert.Equal("community-not-found", (string)(await throughOurs.Content.ReadFromJsonAsync<JsonObject>())!["code"]!);
        Assert.Equal(HttpStatusCode.Forbidden, buildingHead.StatusCode);
        Assert.All(both!, m => Assert.Equal(0, (int)m!["resolution"]!["denominator"]!));
    }

    [Theory]
    [InlineData("zh-CN", "月数须为 1 到 36 之间的整数。")]
    [InlineData("en", "A number of months from 1 to 36.")]
    public async Task Rates_MonthsOutOfRange_AnswersTheFieldsCodeInTheCallersLanguage(string language, string message)
    {
        var world = await TwoCommunities.CreateAsync(host);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/communities/{world.A}/rates?months=37");
        request.Headers.AcceptLanguage.ParseAdd(language);

        var refused = await world.StaffA.SendAsync(request);
        var three = await world.StaffA.GetFromJsonAsync<JsonArray>($"/api/communities/{world.A}/rates?months=3");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("bad-request", (string)problem["code"]!);
        Assert.Equal("report-months", (string)problem["errorCodes"]!["months"]![0]!);
        Assert.Equal(message, (string)problem["errors"]!["months"]![0]!);
        Assert.Equal(["2026-09", "2026-10", "2026-11"], three!.Select(m => (string)m!["month"]!));
    }

    private static (int Numerator, int Denominator, double? Percent) Figures(JsonNode rate) =>
        ((int)rate["numerator"]!, (int)rate["denominator"]!, (double?)rate["percent"]);

    /// <summary>
    /// November: three matters to respond to (2 h, in time; 9 h, late; 1 h ago, still within its 4 h), two complaints (one
    /// resolved through the need it feeds) and a merged one, a need entered directly and done, confirmed 满意, the complaint's
    /// need confirmed 不满意, a follow-up answered 基本满意. October: a case opened without a complaint and closed.
    /// </summary>
    private async Task SeedAsync(Guid community, DateTimeOffset now)
    {
        await using var db = host.Services.GetRequiredService<DeliberationDatabase>().CreateContext(tracking: true);
        db.TimedResponses.AddRange(
            Response(community, now.AddHours(-5), now.AddHours(-3)),
            Response(community, now.AddHours(-10), now.AddHours(-1)),
            Response(community, now.AddHours(-1), null));
        var resolved = Complaint(community, now.AddDays(-2), ComplaintStatus.Open);
        var open = Complaint(community, now.AddDays(-1), ComplaintStatus.Open);
        var merged = Complaint(community, now.AddDays(-1), ComplaintStatus.Merged);
        db.Complaints.AddRange(resolved, open, merged);
        db.Needs.AddRange(
            DoneNeed(community, now.AddDays(-1), null, satisfied: true, now.AddHours(-1)),
            DoneNeed(community, now.AddDays(-1), resolved.Id, satisfied: false, now.AddHours(-2)));
        db.Cases.Add(new DeliberationCase
        {
            Id = Guid.NewGuid(), CommunityId = community, Title = "楼顶防水", CreatedAt = new DateTimeOffset(2026, 10, 10, 9, 0, 0, TimeSpan.FromHours(8)),
            ClosedAt = new DateTimeOffset(2026, 10, 20, 9, 0, 0, TimeSpan.FromHours(8)),
        });
        FollowUp(db, community, now.AddMinutes(-30), Satisfaction.FairlySatisfied);
        await db.SaveChangesAsync();
    }

    /// <summary>Another community's November, all bad: a late matter, an unresolved complaint, a need closed undone, two 不满意 answers.</summary>
    private async Task SeedOtherAsync(Guid community, DateTimeOffset now)
    {
        await using var db = host.Services.GetRequiredService<DeliberationDatabase>().CreateContext(tracking: true);
        db.TimedResponses.Add(Response(community, now.AddHours(-12), null));
        db.Complaints.Add(Complaint(community, now.AddDays(-1), ComplaintStatus.Open));
        var need = DoneNeed(community, now.AddDays(-3), null, satisfied: false, now.AddHours(-1));
        need.DoneAt = null;
        need.Status = NeedStatuses.Closed;
        db.Needs.Add(need);
        FollowUp(db, community, now.AddMinutes(-20), Satisfaction.Dissatisfied);
        await db.SaveChangesAsync();
    }

    private static TimedResponse Response(Guid community, DateTimeOffset reported, DateTimeOffset? handled) => new()
    {
        Id = Guid.NewGuid(), CommunityId = community, Subject = "楼道灯不亮", DeadlineClass = "4h", DeadlineMinutes = 240, ReportedAt = reported,
        Ladder = "grid,community,street", DueAt = reported.AddHours(4), HandledAt = handled, HandledLevel = handled is null ? null : 1,
        Status = handled is null ? ResponseStatuses.Open : ResponseStatuses.Handled,
    };

    private static Complaint Complaint(Guid community, DateTimeOffset logged, string status) => new()
    {
        Id = Guid.NewGuid(), CommunityId = community, CategoryCode = "lift", Title = "5栋电梯经常停运", Description = "每周停运两三次",
        Severity = 3, Urgency = 3, ReporterCount = 1, LoggedByUserId = Guid.NewGuid(), LoggedAt = logged, Status = status,
    };

    private static Need DoneNeed(Guid community, DateTimeOffset created, Guid? complaint, bool satisfied, DateTimeOffset confirmed) => new()
    {
        Id = Guid.NewGuid(), CommunityId = community, Title = "更换楼道灯", Kind = NeedKinds.Urgent, ComplaintId = complaint,
        Source = complaint is null ? NeedSources.Request : NeedSources.Complaint, Status = satisfied ? NeedStatuses.Confirmed : NeedStatuses.Done,
        DoneAt = created.AddHours(5), Satisfied = satisfied, ConfirmationAt = confirmed, CreatedAt = created, UpdatedAt = confirmed,
    };

    /// <summary>A follow-up question answered twice: only the current answer counts.</summary>
    private static void FollowUp(DeliberationDbContext db, Guid community, DateTimeOffset answered, string choice)
    {
        var task = Guid.NewGuid();
        db.FollowUpRequests.Add(new FollowUpRequest { TaskId = task, CommunityId = community, CaseId = Guid.NewGuid(), PersonId = Guid.NewGuid(), AskedAt = answered.AddDays(-1) });
        db.TaskAnswers.AddRange(
            new TaskAnswer { Id = Guid.NewGuid(), TaskId = task, Answer = """{"choice":"satisfied"}""", AnsweredAt = answered.AddMinutes(-5), IsCurrent = false },
            new TaskAnswer { Id = Guid.NewGuid(), TaskId = task, Answer = $$"""{"choice":"{{choice}}"}""", AnsweredAt = answered, IsCurrent = true });
    }
}
