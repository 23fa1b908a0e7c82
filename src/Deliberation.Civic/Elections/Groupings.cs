namespace Deliberation.Civic.Elections;

/// <summary>How the households an anchored issue affects are divided into affected groups, each with its own representatives.</summary>
public static class Groupings
{
    /// <summary>One group per affected building (the default): every building is represented, a small one as much as a large one.</summary>
    public const string PerBuilding = "per-building";

    /// <summary>One group for every affected household together; across several buildings it elects in two layers.</summary>
    public const string Together = "together";

    /// <summary>Every grouping.</summary>
    public static IReadOnlyList<string> All { get; } = [PerBuilding, Together];
}
