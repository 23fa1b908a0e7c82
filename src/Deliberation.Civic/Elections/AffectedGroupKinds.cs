namespace Deliberation.Civic.Elections;

/// <summary>What an affected group was defined from.</summary>
public static class AffectedGroupKinds
{
    /// <summary>Every household of a building group (楼栋小组).</summary>
    public const string BuildingGroup = "building-group";

    /// <summary>Every household of a precinct or grid (苑区 / 网格).</summary>
    public const string Precinct = "precinct";

    /// <summary>Households staff list, e.g. the low-floor owners of building 5.</summary>
    public const string AdHoc = "ad-hoc";

    /// <summary>Every kind.</summary>
    public static IReadOnlyList<string> All { get; } = [BuildingGroup, Precinct, AdHoc];
}
