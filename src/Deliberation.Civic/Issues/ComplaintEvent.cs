namespace Deliberation.Civic.Issues;

/// <summary>The history of a complaint: logged, merged, unmerged, anchored — who and when.</summary>
public sealed class ComplaintEvent
{
    /// <summary>Id.</summary>
    public Guid Id { get; set; }

    /// <summary>The complaint.</summary>
    public Guid ComplaintId { get; set; }

    /// <summary><c>logged</c>, <c>merged-into</c>, <c>absorbed</c>, <c>unmerged</c>, <c>anchored</c>, <c>closed</c>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The other complaint of a merge.</summary>
    public Guid? OtherComplaintId { get; set; }

    /// <summary>The account that did it.</summary>
    public Guid UserId { get; set; }

    /// <summary>When.</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>A note (e.g. why it was closed).</summary>
    public string? Note { get; set; }
}
