namespace Deliberation.Civic.Meetings;

/// <summary>A resolution as meeting mode shows it, with the organisations party to it.</summary>
/// <param name="Id">Id.</param>
/// <param name="MeetingId">The meeting.</param>
/// <param name="Text">The resolution.</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="Parties">The organisations of the directory party to it, in the order given.</param>
public sealed record ResolutionView(Guid Id, Guid MeetingId, string Text, DateTimeOffset RecordedAt, IReadOnlyList<ResolutionParty> Parties)
{
    /// <summary>The view of a stored resolution.</summary>
    public static ResolutionView Of(MeetingResolution resolution)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        return new(resolution.Id, resolution.MeetingId, resolution.Text, resolution.RecordedAt, ResolutionParty.Read(resolution));
    }
}
