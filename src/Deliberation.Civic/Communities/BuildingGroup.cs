namespace Deliberation.Civic.Communities;

/// <summary>A building group (楼栋小组), led by a building head (楼长).</summary>
public sealed class BuildingGroup
{
    /// <summary>Id.</summary>
    public Guid Id { get; set; }

    /// <summary>The community.</summary>
    public Guid CommunityId { get; set; }

    /// <summary>The precinct or grid it belongs to.</summary>
    public Guid PrecinctId { get; set; }

    /// <summary>Its name as residents say it, e.g. 5栋.</summary>
    public string Name { get; set; } = "";
}
