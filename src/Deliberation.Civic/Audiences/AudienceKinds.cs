using Deliberation.Engine.Definitions;

namespace Deliberation.Civic.Audiences;

/// <summary>Whom a generic activity (征询参与者, 通知) addresses, resolved to people when it runs. Stable strings.</summary>
public static class AudienceKinds
{
    /// <summary>Everyone on a case's panel who has not dropped out (targets: case ids).</summary>
    public const string Panel = "panel";

    /// <summary>The residents of building groups (targets: building group ids).</summary>
    public const string BuildingGroup = "building-group";

    /// <summary>Named people of the roster (targets: person ids).</summary>
    public const string People = "people";

    /// <summary>The contacts of organisations of the directory who are on the roster (targets: organisation ids).</summary>
    public const string Organisations = "organisations";

    /// <summary>Everyone of the community holding a role, e.g. every building head (targets: role names, 楼长 or BuildingHead).</summary>
    public const string Role = "role";

    /// <summary>Every kind, in the order the designer lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [BuildingGroup, Panel, People, Organisations, Role];

    /// <summary>What the designer's dropdown shows for each of <see cref="All"/>.</summary>
    public static IReadOnlyList<LocalizedText> Labels { get; } =
    [
        new("楼栋小组的居民", "Residents of building groups"),
        new("议事小组（案件）", "A case's panel"),
        new("指定人员", "Named people"),
        new("组织（名录中的联系人）", "Organisations (their contacts)"),
        new("某一角色的全部人员", "Everyone holding a role"),
    ];

    /// <summary>Whether the kind is one of <see cref="All"/>.</summary>
    public static bool IsKnown(string? kind) => kind is not null && All.Contains(kind, StringComparer.Ordinal);
}
