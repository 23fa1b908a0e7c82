using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Deliberation.Civic.Meetings;

/// <summary>
/// A meeting invitation as an iCalendar (RFC 5545) <c>METHOD:REQUEST</c> document, sent as the
/// <c>invite.ics</c> attachment of the invitation email.
/// </summary>
/// <remarks>
/// Start and end are written in UTC (<c>DTSTART:20261210T110000Z</c>), not as local times with
/// <c>TZID=Asia/Shanghai</c>: a TZID needs a matching VTIMEZONE block, which Outlook requires and
/// some mail apps (WeChat / QQ / Exmail previews) ignore or misread, while a UTC instant is read the
/// same way by every client and shown on the reader's own clock — Beijing time for readers in China.
/// The Beijing time is also written out in Chinese in the description.
/// </remarks>
/// <param name="MeetingId">The meeting; its id gives the event a stable UID, so updates replace the event.</param>
/// <param name="Name">The meeting's name (SUMMARY).</param>
/// <param name="Start">When the meeting starts.</param>
/// <param name="End">When the meeting ends.</param>
/// <param name="Location">Where it takes place (LOCATION).</param>
/// <param name="Agenda">The agenda items, one per line of the DESCRIPTION.</param>
/// <param name="OrganizerEmail">The committee's address (ORGANIZER); replies go there.</param>
/// <param name="AttendeeEmail">The invitee's address (ATTENDEE, asked to reply).</param>
public sealed record MeetingInvitation(
    Guid MeetingId,
    string Name,
    DateTimeOffset Start,
    DateTimeOffset End,
    string Location,
    IReadOnlyList<string> Agenda,
    string OrganizerEmail,
    string AttendeeEmail)
{
    /// <summary>The attachment's file name.</summary>
    public const string FileName = "invite.ics";

    /// <summary>The attachment's content type.</summary>
    public const string ContentType = "text/calendar; method=REQUEST; charset=utf-8";

    /// <summary>The revision (SEQUENCE): 0 for the first invitation, increased for every update.</summary>
    public int Sequence { get; init; }

    /// <summary>The committee's display name (ORGANIZER's CN), if any.</summary>
    public string? OrganizerName { get; init; }

    /// <summary>The invitee's display name (ATTENDEE's CN), if any.</summary>
    public string? AttendeeName { get; init; }

    /// <summary>How long before the start the calendar reminds the invitee; <see langword="null"/> for no alarm.</summary>
    public TimeSpan? AlarmBefore { get; init; } = TimeSpan.FromHours(24);

    /// <summary>The event's UID: <c>{meetingId:N}@deliberation.local</c>.</summary>
    public string Uid => $"{MeetingId:N}@deliberation.local";

    /// <summary>Writes the invitation as iCalendar text (CRLF lines, folded at 75 octets, UTF-8 safe).</summary>
    /// <param name="stampedAt">When the invitation is issued (DTSTAMP).</param>
    public string ToICalendar(DateTimeOffset stampedAt)
    {
        if (End <= Start) throw new InvalidOperationException("The meeting must end after it starts.");

        var meeting = new CalendarEvent
        {
            Uid = Uid,
            Sequence = Sequence,
            DtStamp = Utc(stampedAt),
            DtStart = Utc(Start),
            DtEnd = Utc(End),
            Summary = Name,
            Location = Location,
            Description = Describe(),
            Status = "CONFIRMED",
            Transparency = "OPAQUE",
            Organizer = new Organizer($"mailto:{OrganizerEmail}") { CommonName = OrganizerName },
        };
        meeting.Attendees.Add(new Attendee($"mailto:{AttendeeEmail}")
        {
            CommonName = AttendeeName,
            Role = "REQ-PARTICIPANT",
            ParticipationStatus = "NEEDS-ACTION",
            Rsvp = true,
        });
        if (AlarmBefore is { } before)
        {
            meeting.Alarms.Add(new Alarm
            {
                Action = AlarmAction.Display,
                Description = $"会议提醒：{Name}",
                Trigger = new Trigger(Duration.FromTimeSpanExact(-before)),
            });
        }

        var calendar = new Calendar { Method = "REQUEST", ProductId = "-//Deliberation//社区议事//ZH" };
        calendar.Events.Add(meeting);
        return new CalendarSerializer().SerializeToString(calendar)
            ?? throw new InvalidOperationException("The calendar could not be serialized.");
    }

    private string Describe()
    {
        var text = new StringBuilder()
            .Append("时间：").Append(BeijingTime.FormatChinese(Start)).Append(" – ").Append(BeijingTime.FormatChinese(End)).Append("（北京时间）\n")
            .Append("地点：").Append(Location);
        if (Agenda.Count > 0)
        {
            text.Append("\n议程：");
            for (var i = 0; i < Agenda.Count; i++) text.Append('\n').Append(i + 1).Append(". ").Append(Agenda[i]);
        }
        return text.ToString();
    }

    private static CalDateTime Utc(DateTimeOffset at) => new(at.UtcDateTime, CalDateTime.UtcTzId);
}
