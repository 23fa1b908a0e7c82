namespace Deliberation.Civic.Communities;

/// <summary>A precinct or grid (居民苑区 / 网格) within a community.</summary>
public sealed class Precinct
{
    /// <summary>Id.</summary>
    public Guid Id { get; set; }

    /// <summary>The community.</summary>
    public Guid CommunityId { get; set; }

    /// <summary>Its name, e.g. 东苑 or 第三网格.</summary>
    public string Name { get; set; } = "";
}
