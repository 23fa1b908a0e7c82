namespace Deliberation.Civic.Issues;

/// <summary>A building group or household a complaint affects.</summary>
public sealed class ComplaintScope
{
    /// <summary>The complaint.</summary>
    public Guid ComplaintId { get; set; }

    /// <summary>The affected building group, or the building of the affected household.</summary>
    public Guid BuildingGroupId { get; set; }

    /// <summary>The affected household; null when the whole building group is affected.</summary>
    public Guid? HouseholdId { get; set; }

    /// <summary>The complaint it came from when merged (so a merge can be undone); null if its own.</summary>
    public Guid? FromComplaintId { get; set; }
}
