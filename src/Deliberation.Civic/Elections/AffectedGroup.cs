namespace Deliberation.Civic.Elections;

/// <summary>
/// A set of households an issue affects: a building group, a precinct, or a group staff define
/// (e.g. the low-floor owners of building 5). Its size decides how it takes part (<see cref="Mode"/>).
/// </summary>
public sealed class AffectedGroup
{
    /// <summary>Id.</summary>
    public Guid Id { get; set; }

    /// <summary>The case.</summary>
    public Guid CaseId { get; set; }

    /// <summary>The community.</summary>
    public Guid CommunityId { get; set; }

    /// <summary>Its name, e.g. 5栋低层业主.</summary>
    public string Name { get; set; } = "";

    /// <summary>One of <see cref="AffectedGroupKinds"/>.</summary>
    public string Kind { get; set; } = AffectedGroupKinds.AdHoc;

    /// <summary>The building group or precinct it was defined from; null for an ad-hoc group.</summary>
    public Guid? SourceId { get; set; }

    /// <summary>How it takes part, one of <see cref="ParticipationModes"/>; decided when the group is defined.</summary>
    public string Mode { get; set; } = ParticipationModes.Direct;

    /// <summary>How many households it has (also in <see cref="AffectedHousehold"/> rows).</summary>
    public int HouseholdCount { get; set; }

    /// <summary>When it was defined.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
