namespace Deliberation.Civic.Scheduling;

/// <summary>Why a planned meeting reminder is not sent. Stable strings.</summary>
public static class ReminderDropReasons
{
    /// <summary>Pushed out of the quiet hours, it would go out at or after the start of the meeting.</summary>
    public const string NotBeforeMeeting = "not-before-meeting";

    /// <summary>Pushed out of the quiet hours, it would go out at the same instant as an earlier reminder, which is sent instead.</summary>
    public const string SameInstant = "same-instant";
}
