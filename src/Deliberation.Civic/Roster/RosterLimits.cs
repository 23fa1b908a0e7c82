namespace Deliberation.Civic.Roster;

/// <summary>Bounds on a roster file and its values; past them the file or the row is refused.</summary>
public static class RosterLimits
{
    /// <summary>The largest file accepted: 5 MB, far above a community's roster (20,000 rows of CSV are about 1.5 MB).</summary>
    public const int MaxFileBytes = 5 * 1024 * 1024;

    /// <summary>The most data rows accepted.</summary>
    public const int MaxRows = 20_000;

    /// <summary>The longest name, in characters (Unicode code points) after trimming.</summary>
    public const int MaxNameLength = 50;

    /// <summary>The longest unit (房号).</summary>
    public const int MaxUnitLength = 50;

    /// <summary>The longest entrance (单元), as the database stores it.</summary>
    public const int MaxEntranceLength = 40;

    /// <summary>Floor areas must be below this many square metres (and above zero).</summary>
    public const decimal MaxFloorArea = 100_000m;

    /// <summary>The longest email address (RFC 5321's path limit).</summary>
    public const int MaxEmailLength = 254;
}
