namespace Deliberation.Civic.Issues;

/// <summary>The kinds of <see cref="ComplaintEvent"/>.</summary>
public static class ComplaintEventKinds
{
    /// <summary>A building head or staff logged it.</summary>
    public const string Logged = "logged";

    /// <summary>It was merged into another complaint (<see cref="ComplaintEvent.OtherComplaintId"/>).</summary>
    public const string MergedInto = "merged-into";

    /// <summary>Another complaint (<see cref="ComplaintEvent.OtherComplaintId"/>) was merged into it.</summary>
    public const string Absorbed = "absorbed";

    /// <summary>A merge with <see cref="ComplaintEvent.OtherComplaintId"/> was undone (recorded on both).</summary>
    public const string Unmerged = "unmerged";

    /// <summary>Staff anchored it as a deliberation's issue; the note holds the case number.</summary>
    public const string Anchored = "anchored";

    /// <summary>A photo was attached.</summary>
    public const string PhotoAdded = "photo-added";

    /// <summary>Its deliberation case closed after implementation and follow-up; the note holds the case number.</summary>
    public const string Closed = "closed";
}
