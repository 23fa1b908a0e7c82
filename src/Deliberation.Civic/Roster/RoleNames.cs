using Deliberation.Civic.Communities;

namespace Deliberation.Civic.Roster;

/// <summary>The Chinese names of <see cref="PersonRoles"/> as rosters write them (the glossary's terms).</summary>
public static class RoleNames
{
    /// <summary>Every role with its Chinese name, in the order exports list them.</summary>
    public static IReadOnlyList<(PersonRoles Role, string Chinese)> All { get; } =
    [
        (PersonRoles.Resident, "居民"),
        (PersonRoles.BuildingHead, "楼长"),
        (PersonRoles.GridWorker, "网格员"),
        (PersonRoles.SocialWorker, "社工"),
        (PersonRoles.Volunteer, "志愿者"),
        (PersonRoles.PropertyCompany, "物业"),
        (PersonRoles.OwnersCommittee, "业委会"),
        (PersonRoles.ResidentUnit, "驻区单位"),
        (PersonRoles.Lawyer, "律师"),
        (PersonRoles.Accountant, "会计师"),
        (PersonRoles.CommunityLead, "社区负责人"),
        (PersonRoles.SocialOrganisation, "社会组织"),
        (PersonRoles.ResidentsCommittee, "居委会"),
        (PersonRoles.GridPartyBranch, "网格党支部"),
    ];

    // Excel users type whichever list separator their keyboard gives: ideographic comma, ASCII or full-width comma, semicolon, slash.
    private static readonly char[] Separators = ['、', ',', ',', ';', ';', '/', '/'];

    /// <summary>
    /// Reads a list of roles such as <c>居民、楼长</c>. Each name is a Chinese name above or an English
    /// <see cref="PersonRoles"/> member name (ignoring case). An empty list means <see cref="PersonRoles.Resident"/>.
    /// </summary>
    /// <param name="text">The list.</param>
    /// <param name="roles">The roles read.</param>
    /// <param name="unknown">The first name that is no role, when the method returns false.</param>
    /// <returns>Whether every name is a role.</returns>
    public static bool TryParse(string text, out PersonRoles roles, out string? unknown)
    {
        roles = PersonRoles.None;
        unknown = null;
        foreach (var part in text.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var role = Find(part);
            if (role is null)
            {
                unknown = part;
                return false;
            }
            roles |= role.Value;
        }
        if (roles == PersonRoles.None) roles = PersonRoles.Resident;
        return true;
    }

    /// <summary>Finds one role by its Chinese name or its English member name (ignoring case).</summary>
    public static PersonRoles? Find(string name)
    {
        var trimmed = name.Trim();
        foreach (var (role, chinese) in All)
        {
            if (trimmed == chinese || trimmed.Equals(role.ToString(), StringComparison.OrdinalIgnoreCase)) return role;
        }
        return null;
    }

    /// <summary>Writes roles as a roster does, e.g. <c>居民、楼长</c>; empty for none.</summary>
    public static string Format(PersonRoles roles) => string.Join("、", All.Where(r => roles.HasFlag(r.Role)).Select(r => r.Chinese));

    /// <summary>The English member names of the roles, e.g. <c>Resident</c>, <c>BuildingHead</c>, in the order of <see cref="All"/>.</summary>
    public static IReadOnlyList<string> EnglishNames(PersonRoles roles) => All.Where(r => roles.HasFlag(r.Role)).Select(r => r.Role.ToString()).ToList();
}
