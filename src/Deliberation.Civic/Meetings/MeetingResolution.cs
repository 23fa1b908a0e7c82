namespace Deliberation.Civic.Meetings;

/// <summary>A resolution adopted at a meeting (决议事项), in the order recorded.</summary>
public sealed class MeetingResolution
{
    /// <summary>Id.</summary>
    public Guid Id { get; set; }

    /// <summary>The meeting.</summary>
    public Guid MeetingId { get; set; }

    /// <summary>The resolution.</summary>
    public string Text { get; set; } = "";

    /// <summary>
    /// The organisations of the community's directory party to it, as JSON: <c>[{ "organisationId": "…", "name": "…" }]</c>, in
    /// the order given. Each keeps its name as it was then (no foreign key: the record stands when the directory changes).
    /// </summary>
    public string Parties { get; set; } = "[]";

    /// <summary>When it was recorded.</summary>
    public DateTimeOffset RecordedAt { get; set; }
}
