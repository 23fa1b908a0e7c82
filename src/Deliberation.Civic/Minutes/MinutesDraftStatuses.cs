namespace Deliberation.Civic.Minutes;

/// <summary>Where a <see cref="MinutesDraft"/> stands.</summary>
public static class MinutesDraftStatuses
{
    /// <summary>Out with the participants: they confirm or object, staff answer and change it.</summary>
    public const string Confirming = "confirming";

    /// <summary>Locked and filed as PDF; nothing changes any more.</summary>
    public const string Sealed = "sealed";
}
