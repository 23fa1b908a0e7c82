using Deliberation.Civic.Responses;

namespace Deliberation.Civic.Tests.Responses;

[Trait("Category", "Deliberation")]
public sealed class DeadlineClassesTests
{
    [Theory]
    [InlineData("emergency", 2)]
    [InlineData("on-site", 4)]
    [InlineData("utilities", 24)]
    [InlineData("general", 7 * 24)]
    [InlineData("complex", 15 * 24)]
    public void Resolve_NamedClass_GivesItsDeadline(string code, int hours)
    {
        var (resolved, deadline, problem) = DeadlineClasses.Resolve(code, null);

        Assert.Null(problem);
        Assert.Equal((code, TimeSpan.FromHours(hours)), (resolved, deadline));
    }

    [Fact]
    public void Resolve_ExplicitDeadline_OverridesTheClassAndKeepsItsCode() =>
        Assert.Equal(("utilities", TimeSpan.FromHours(12), (ResponseProblem?)null), DeadlineClasses.Resolve("utilities", TimeSpan.FromHours(12)));

    [Fact]
    public void Resolve_DeadlineWithoutClass_IsCustom() =>
        Assert.Equal((DeadlineClasses.Custom, TimeSpan.FromMinutes(90), (ResponseProblem?)null), DeadlineClasses.Resolve(" ", TimeSpan.FromMinutes(90)));

    [Theory]
    [InlineData("urgent")]
    [InlineData("On-Site")]
    [InlineData("4h")]
    public void Resolve_UnknownClass_IsRefusedEvenWithADeadline(string code) =>
        Assert.Equal(ResponseProblem.DeadlineClassUnknown, DeadlineClasses.Resolve(code, TimeSpan.FromHours(4)).Problem);

    [Fact]
    public void Resolve_NeitherClassNorDeadline_IsRefused() =>
        Assert.Equal(ResponseProblem.DeadlineClassUnknown, DeadlineClasses.Resolve(null, null).Problem);

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    [InlineData(91 * 24 * 60)]
    public void Resolve_DeadlineOutOfRange_IsRefused(int minutes) =>
        Assert.Equal(ResponseProblem.DeadlineOutOfRange, DeadlineClasses.Resolve("general", TimeSpan.FromMinutes(minutes)).Problem);

    [Fact]
    public void For_EachProblem_HasItsStableCode()
    {
        Assert.Equal("respond-deadline-class", ResponseFaults.For(ResponseProblem.DeadlineClassUnknown, "urgent").Error.Code);
        Assert.Equal("respond-deadline", ResponseFaults.For(ResponseProblem.DeadlineOutOfRange, "0s").Error.Code);
        Assert.Equal("respond-ladder", ResponseFaults.For(ResponseProblem.LadderInvalid, "street,grid").Error.Code);
        Assert.Contains("emergency, on-site, utilities, general, complex", ResponseFaults.For(ResponseProblem.DeadlineClassUnknown, "urgent").Error.Format(english: false),
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4 * 60, "4小时")]
    [InlineData(7 * 24 * 60, "7天")]
    [InlineData(26 * 60, "1天2小时")]
    [InlineData(90, "1小时30分钟")]
    [InlineData(0, "不到1分钟")]
    public void Chinese_Durations(int minutes, string expected) => Assert.Equal(expected, ResponseTimes.Chinese(TimeSpan.FromMinutes(minutes)));

    [Fact]
    public void HandledInTime_ComparesReportedToHandledWithOneLevelsDeadline()
    {
        var reported = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8));
        var response = new TimedResponse { ReportedAt = reported, DeadlineMinutes = 240, HandledAt = reported.AddHours(4) };
        Assert.True(response.HandledInTime());
        Assert.Equal("PT4H", ResponseTimes.Iso(response.RespondedAfter()!.Value));

        response.HandledAt = reported.AddHours(4).AddSeconds(1);
        Assert.False(response.HandledInTime());
        response.HandledAt = null;
        Assert.False(response.HandledInTime());
        Assert.Null(response.RespondedAfter());
    }
}
