namespace Deliberation.Civic.Elections;

/// <summary>A household of an affected group, with its building group (layer 1 elects per building group).</summary>
public sealed class AffectedHousehold
{
    /// <summary>The group.</summary>
    public Guid GroupId { get; set; }

    /// <summary>The household.</summary>
    public Guid HouseholdId { get; set; }

    /// <summary>The household's building group.</summary>
    public Guid BuildingGroupId { get; set; }

    /// <summary>The household's entrance (单元), empty when the roster does not say: a large building's layer 1 elects per entrance.</summary>
    public string Entrance { get; set; } = "";
}
