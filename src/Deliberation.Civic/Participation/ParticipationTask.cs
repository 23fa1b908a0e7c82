namespace Deliberation.Civic.Participation;

/// <summary>
/// Something one person is asked to do by link: vote in a ballot, pick meeting times, RSVP, vote
/// on a proposal, report progress. Answering resumes the workflow through <see cref="SignalName"/>.
/// </summary>
public sealed class ParticipationTask
{
    /// <summary>Id.</summary>
    public Guid Id { get; set; }

    /// <summary>The community.</summary>
    public Guid CommunityId { get; set; }

    /// <summary>Who answers.</summary>
    public Guid PersonId { get; set; }

    /// <summary>The workflow instance waiting for the answer, if any.</summary>
    public Guid? InstanceId { get; set; }

    /// <summary>The signal sent to the instance when the person answers.</summary>
    public string? SignalName { get; set; }

    /// <summary>What the task is for (<c>ballot</c>, <c>time-poll</c>, <c>rsvp</c>, <c>vote</c>, <c>progress</c>); links are bound to it.</summary>
    public string Purpose { get; set; } = "";

    /// <summary>The question, shown on the answer page.</summary>
    public string Title { get; set; } = "";

    /// <summary>Options and other data the answer page needs, as JSON.</summary>
    public string Data { get; set; } = "{}";

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The deadline; answers can change until then.</summary>
    public DateTimeOffset? ClosesAt { get; set; }

    /// <summary>When it was closed (deadline passed or counted).</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>The meeting the task belongs to (a time poll, an RSVP, a proposal, a vote by link), if any.</summary>
    public Guid? MeetingId { get; set; }

    /// <summary>The meeting vote a vote-by-link task belongs to, if any.</summary>
    public Guid? VoteId { get; set; }

    /// <summary>Raised when staff reissue the link; links carrying an older version are refused.</summary>
    public int LinkVersion { get; set; } = 1;
}
