using System.Text;
using Deliberation.Civic.Meetings;
using Ical.Net;

namespace Deliberation.Civic.Tests.Meetings;

[Trait("Category", "Deliberation")]
public sealed class MeetingInvitationTests
{
    private static readonly Guid MeetingId = Guid.Parse("0193a0c4-7e21-7c3a-9f00-5b1d2e3f4a5b");
    private static readonly DateTimeOffset Start = new(2026, 12, 10, 19, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset Stamp = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

    private static MeetingInvitation Invitation(params string[] agenda) => new(
        MeetingId, "幸福里社区居民议事会", Start, Start.AddHours(2), "幸福里社区活动中心三楼会议室",
        agenda.Length > 0 ? agenda : ["审议加装电梯方案", "讨论停车位分配办法"],
        "committee@xingfuli.example", "zhang.san@example.com")
    {
        OrganizerName = "幸福里居委会",
        AttendeeName = "张三",
    };

    [Fact]
    public void ToICalendar_ParsesBackToTheMeeting()
    {
        var calendar = Calendar.Load(Invitation().ToICalendar(Stamp))!;

        Assert.Equal("REQUEST", calendar.Method);
        var meeting = Assert.Single(calendar.Events);
        Assert.Equal($"{MeetingId:N}@deliberation.local", meeting.Uid);
        Assert.Equal(0, meeting.Sequence);
        Assert.Equal(Start.UtcDateTime, meeting.DtStart!.AsUtc);
        Assert.Equal(Start.AddHours(2).UtcDateTime, meeting.DtEnd!.AsUtc);
        Assert.Equal("幸福里社区居民议事会", meeting.Summary);
        Assert.Equal("幸福里社区活动中心三楼会议室", meeting.Location);
        Assert.Contains("1. 审议加装电梯方案\n2. 讨论停车位分配办法", meeting.Description);
        Assert.Contains("2026年12月10日 19:00", meeting.Description);
        Assert.Equal(new Uri("mailto:committee@xingfuli.example"), meeting.Organizer!.Value);
        Assert.Equal("幸福里居委会", meeting.Organizer.CommonName);
        var attendee = Assert.Single(meeting.Attendees);
        Assert.Equal(new Uri("mailto:zhang.san@example.com"), attendee.Value);
        Assert.Equal("张三", attendee.CommonName);
        Assert.True(attendee.Rsvp);
        Assert.Equal("NEEDS-ACTION", attendee.ParticipationStatus);
    }

    [Fact]
    public void ToICalendar_WritesUtcInstantsAndStamp()
    {
        var ics = Invitation().ToICalendar(Stamp);

        Assert.Contains("DTSTART:20261210T110000Z\r\n", ics);
        Assert.Contains("DTEND:20261210T130000Z\r\n", ics);
        Assert.Contains("DTSTAMP:20261201T020000Z\r\n", ics);
        Assert.Contains("METHOD:REQUEST\r\n", ics);
    }

    [Fact]
    public void ToICalendar_IsDeterministicForTheSameStamp() =>
        Assert.Equal(Invitation().ToICalendar(Stamp), Invitation().ToICalendar(Stamp));

    [Fact]
    public void ToICalendar_Update_KeepsUidAndRaisesSequence()
    {
        var first = Calendar.Load(Invitation().ToICalendar(Stamp))!.Events.Single();
        var update = Calendar.Load((Invitation() with { Sequence = 1, Location = "社区服务站" }).ToICalendar(Stamp.AddDays(1)))!.Events.Single();

        Assert.Equal(first.Uid, update.Uid);
        Assert.Equal(1, update.Sequence);
        Assert.Equal("社区服务站", update.Location);
    }

    [Fact]
    public void ToICalendar_RemindsADayBefore()
    {
        var meeting = Calendar.Load(Invitation().ToICalendar(Stamp))!.Events.Single();

        var alarm = Assert.Single(meeting.Alarms);
        Assert.Equal("DISPLAY", alarm.Action);
        Assert.Equal(TimeSpan.FromHours(-24), alarm.Trigger!.Duration!.Value.ToTimeSpanUnspecified());
        Assert.Contains("BEGIN:VALARM\r\n", Invitation().ToICalendar(Stamp));
    }

    [Fact]
    public void ToICalendar_WithoutAlarm_HasNoValarm() =>
        Assert.DoesNotContain("VALARM", (Invitation() with { AlarmBefore = null }).ToICalendar(Stamp));

    [Fact]
    public void ToICalendar_LongChineseText_IsFoldedAndSurvivesUtf8()
    {
        var item = string.Concat(Enumerable.Repeat("关于小区公共收益使用情况的说明与居民代表质询", 4));
        var ics = Invitation(item).ToICalendar(Stamp);

        // RFC 5545 §3.1: CRLF line breaks, lines at most 75 octets, continuation lines start with a space.
        var lines = ics.Split("\r\n");
        Assert.DoesNotContain(lines, line => line.Contains('\n') || line.Contains('\r'));
        Assert.All(lines, line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"Too long: {line}"));
        Assert.Contains(lines, line => line.StartsWith(' '));

        // The folded text round-trips through UTF-8 bytes unchanged.
        var bytes = Encoding.UTF8.GetBytes(ics);
        var decoded = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        var meeting = Calendar.Load(decoded)!.Events.Single();
        Assert.Contains($"1. {item}", meeting.Description);
        Assert.Equal("幸福里社区居民议事会", meeting.Summary);
    }
}
