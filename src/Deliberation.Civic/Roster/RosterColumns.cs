namespace Deliberation.Civic.Roster;

/// <summary>
/// The header names of roster columns: the Chinese name that exports write and problems cite, and an
/// English alias that imports also accept (case-insensitively).
/// </summary>
public static class RosterColumns
{
    private static readonly (RosterColumn Column, string Chinese, string English)[] Names =
    [
        (RosterColumn.Precinct, "网格", "precinct"),
        (RosterColumn.Compound, "小区", "compound"),
        (RosterColumn.Building, "楼栋", "building"),
        (RosterColumn.Entrance, "单元", "entrance"),
        (RosterColumn.Unit, "房号", "unit"),
        (RosterColumn.Area, "建筑面积", "area"),
        (RosterColumn.Name, "姓名", "name"),
        (RosterColumn.Roles, "角色", "roles"),
        (RosterColumn.Email, "邮箱", "email"),
        (RosterColumn.Phone, "电话", "phone"),
        (RosterColumn.Representative, "户代表", "representative"),
    ];

    /// <summary>Every column, in export order.</summary>
    public static IReadOnlyList<RosterColumn> All { get; } = Names.Select(n => n.Column).ToArray();

    /// <summary>The Chinese header of a column, e.g. 楼栋.</summary>
    public static string Header(RosterColumn column) => Names[(int)column].Chinese;

    /// <summary>The English alias of a column, e.g. <c>building</c>.</summary>
    public static string Alias(RosterColumn column) => Names[(int)column].English;

    /// <summary>The known headers as a person reads them: <c>网格（precinct）、楼栋（building）…</c>, or in an English sentence <c>网格 (precinct), 楼栋 (building)…</c>.</summary>
    public static string Describe(bool english = false) => english
        ? string.Join(", ", Names.Select(n => $"{n.Chinese} ({n.English})"))
        : string.Join("、", Names.Select(n => $"{n.Chinese}（{n.English}）"));

    /// <summary>Finds the column a header names: the Chinese name exactly or the English alias ignoring case, both trimmed.</summary>
    public static RosterColumn? Find(string header)
    {
        var name = header.Trim();
        foreach (var n in Names)
        {
            if (name == n.Chinese || name.Equals(n.English, StringComparison.OrdinalIgnoreCase)) return n.Column;
        }
        return null;
    }
}
