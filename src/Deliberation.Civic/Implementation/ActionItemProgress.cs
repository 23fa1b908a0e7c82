namespace Deliberation.Civic.Implementation;

/// <summary>One progress report on an action item: how far it is, a note, optionally a photo; by link or entered on the person's behalf.</summary>
public sealed class ActionItemProgress
{
    /// <summary>Id.</summary>
    public Guid Id { get; set; }

    /// <summary>The action item.</summary>
    public Guid ActionItemId { get; set; }

    /// <summary>The community.</summary>
    public Guid CommunityId { get; set; }

    /// <summary>How far it is, 0–100 (100 when <see cref="Done"/>).</summary>
    public int Percent { get; set; }

    /// <summary>Whether the reporter says it is done.</summary>
    public bool Done { get; set; }

    /// <summary>What was done or what holds it up.</summary>
    public string? Note { get; set; }

    /// <summary>The photo, if one was sent.</summary>
    public Guid? PhotoId { get; set; }

    /// <summary>The photo's media type (<c>image/jpeg</c>, <c>image/png</c>, <c>image/webp</c>).</summary>
    public string? PhotoContentType { get; set; }

    /// <summary>When it was reported.</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>How it came in: <c>link</c> or <c>proxy</c> (<see cref="Participation.TaskChannels"/>).</summary>
    public string Channel { get; set; } = Participation.TaskChannels.Link;

    /// <summary>The task answer that carried it.</summary>
    public Guid? TaskAnswerId { get; set; }

    /// <summary>For a report entered on the person's behalf: the account that entered it.</summary>
    public Guid? EnteredByUserId { get; set; }
}
