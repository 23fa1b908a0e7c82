namespace Deliberation.Civic.Minutes;

/// <summary>Where a <see cref="MinutesObjection"/> stands.</summary>
public static class MinutesObjectionStatuses
{
    /// <summary>Waiting for staff.</summary>
    public const string Open = "open";

    /// <summary>Staff agreed and changed the section.</summary>
    public const string Accepted = "accepted";

    /// <summary>Staff answered why the section stands as it is.</summary>
    public const string Answered = "answered";

    /// <summary>The participant confirmed the minutes afterwards, dropping it.</summary>
    public const string Withdrawn = "withdrawn";
}
