namespace Deliberation.Civic.Issues;

/// <summary>A named resident who reported a complaint.</summary>
public sealed class ComplaintReporter
{
    /// <summary>The complaint.</summary>
    public Guid ComplaintId { get; set; }

    /// <summary>The resident.</summary>
    public Guid PersonId { get; set; }

    /// <summary>The complaint it came from when merged (so a merge can be undone); null if its own.</summary>
    public Guid? FromComplaintId { get; set; }
}
