namespace Deliberation.Civic.Communities;

/// <summary>A household (居住户): one unit of a building group, with its exclusive floor area.</summary>
public sealed class Household
{
    /// <summary>Id.</summary>
    public Guid Id { get; set; }

    /// <summary>The community.</summary>
    public Guid CommunityId { get; set; }

    /// <summary>The building group.</summary>
    public Guid BuildingGroupId { get; set; }

    /// <summary>
    /// The entrance (单元, a stairwell of the building) it is reached by, e.g. 1单元; empty when the roster does not say.
    /// A large building elects by entrance (<see cref="Elections.ParticipationModes.Layered"/>).
    /// </summary>
    public string Entrance { get; set; } = "";

    /// <summary>The unit, e.g. 1203.</summary>
    public string Unit { get; set; } = "";

    /// <summary>Exclusive floor area in square metres (the Civil Code's double threshold counts it).</summary>
    public decimal FloorArea { get; set; }
}
