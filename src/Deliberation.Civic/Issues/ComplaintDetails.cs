
namespace Deliberation.Civic.Issues;

/// <summary>A complaint with what it affects, who reported it, its photos and its history.</summary>
/// <param name="Complaint">The complaint.</param>
/// <param name="Scopes">Affected building groups and households, its own and those merged in.</param>
/// <param name="Reporters">Named reporters, its own and those merged in.</param>
/// <param name="Photos">Its photos, oldest first.</param>
/// <param name="History">What happened to it, oldest first.</param>
/// <param name="MergedComplaintIds">Complaints merged into it (each can be unmerged).</param>
public sealed record ComplaintDetails(Complaint Complaint, IReadOnlyList<ComplaintDetails.Scope> Scopes, IReadOnlyList<ComplaintDetails.Reporter> Reporters,
    IReadOnlyList<ComplaintPhoto> Photos, IReadOnlyList<ComplaintEvent> History, IReadOnlyList<Guid> MergedComplaintIds)
{
    /// <summary>An affected building group (whole, when <paramref name="HouseholdId"/> is null) or household.</summary>
    /// <param name="BuildingGroupId">The building group.</param>
    /// <param name="BuildingGroupName">Its name, e.g. 5栋.</param>
    /// <param name="HouseholdId">The household, or null for the whole building group.</param>
    /// <param name="Unit">The household's unit, e.g. 1203.</param>
    /// <param name="FromComplaintId">The merged complaint it came from; null when the complaint's own.</param>
    public sealed record Scope(Guid BuildingGroupId, string BuildingGroupName, Guid? HouseholdId, string? Unit, Guid? FromComplaintId);

    /// <summary>A named reporter.</summary>
    /// <param name="PersonId">The resident.</param>
    /// <param name="Name">The resident's name.</param>
    /// <param name="FromComplaintId">The merged complaint it came from; null when the complaint's own.</param>
    public sealed record Reporter(Guid PersonId, string Name, Guid? FromComplaintId);
}
