using System.Text.RegularExpressions;
using Deliberation.Civic.Decisions;
using Deliberation.Civic.Elections;

namespace Deliberation.Civic.Issues;

/// <summary>
/// A deliberation matters catalogue (协商事项指导目录, seed 004): which kinds of matter a complaint may be, and for each what
/// intake proposes. The configured one (<c>Deliberation:Catalogue</c>; <see cref="Default"/> when the section is absent) is
/// what every community's own catalogue starts from (<see cref="CatalogueStore"/>).
/// </summary>
public sealed partial class MattersCatalogue
{
    /// <summary>The configuration section (an array of <c>{code, zh, en}</c>).</summary>
    public const string SectionName = "Deliberation:Catalogue";

    /// <summary>The longest code (the <c>complaints.category_code</c> column).</summary>
    public const int MaxCodeLength = 40;

    /// <summary>The longest name, in either language.</summary>
    public const int MaxNameLength = 100;

    /// <summary>The longest workflow id (as definitions allow).</summary>
    public const int MaxDefinitionIdLength = 100;

    private readonly Dictionary<string, DeliberationMatter> _byCode;

    /// <summary>Creates the catalogue from entries that <see cref="Validate"/> accepts.</summary>
    /// <exception cref="ArgumentException">The entries have problems (see <see cref="Validate"/>).</exception>
    public MattersCatalogue(IReadOnlyList<DeliberationMatter> matters)
    {
        var problems = Validate(matters);
        if (problems.Count > 0) throw new ArgumentException(string.Join(" ", problems), nameof(matters));
        Matters = matters.Select(Normalized).ToList();
        _byCode = Matters.ToDictionary(m => m.Code, StringComparer.Ordinal);
    }

    /// <summary>
    /// Matters the seeds bring to deliberation: the lift for elders who cannot climb the stairs, the CCTV
    /// blind spot and the worn table-tennis court of Dalong (seed 002), and the usual business of
    /// community consultation catalogues (seed 004): e-bikes, parking, sanitation, greenery, noise,
    /// the property company, neighbours' disputes; and two that need professionals on the panel and a co-owners' decision
    /// (民法典第二百七十八条): spending the maintenance fund (an accountant) and the property contract and fees (a lawyer and
    /// an accountant).
    /// </summary>
    public static IReadOnlyList<DeliberationMatter> Default { get; } =
    [
        new() { Code = "lift", Zh = "加装电梯", En = "Lift installation" },
        new() { Code = "ebike-charging", Zh = "电动车充电", En = "E-bike charging" },
        new() { Code = "security", Zh = "安防监控", En = "CCTV and security" },
        new() { Code = "sanitation", Zh = "环境卫生", En = "Sanitation" },
        new() { Code = "parking", Zh = "停车管理", En = "Parking" },
        new() { Code = "facility-repair", Zh = "公共设施维修", En = "Repairs of common facilities" },
        new() { Code = "recreation", Zh = "文体活动设施", En = "Sports and recreation facilities" },
        new() { Code = "greenery", Zh = "绿化", En = "Greenery" },
        new() { Code = "noise", Zh = "噪音扰民", En = "Noise" },
        new() { Code = "property-service", Zh = "物业服务", En = "Property service" },
        new() { Code = "neighbour-dispute", Zh = "邻里纠纷", En = "Disputes between neighbours" },
        new()
        {
            Code = "maintenance-fund", Zh = "维修资金使用", En = "Use of the maintenance fund",
            Advisors = [PartyKinds.Accountant], RulesTemplate = RulesTemplates.CoOwnersItems6To8.Code,
        },
        new()
        {
            Code = "property-contract", Zh = "物业合同与收费", En = "Property contract and fees",
            Advisors = [PartyKinds.Lawyer, PartyKinds.Accountant], RulesTemplate = RulesTemplates.CoOwnersOther.Code,
        },
        new() { Code = "other", Zh = "其他", En = "Other" },
    ];

    /// <summary>The entry trimmed, with an empty workflow or rules template as none and each advisor kind once.</summary>
    public static DeliberationMatter Normalized(DeliberationMatter matter)
    {
        ArgumentNullException.ThrowIfNull(matter);
        return new DeliberationMatter
        {
            Code = matter.Code.Trim(), Zh = matter.Zh.Trim(), En = matter.En.Trim(),
            DefinitionId = string.IsNullOrWhiteSpace(matter.DefinitionId) ? null : matter.DefinitionId.Trim(),
            Advisors = (matter.Advisors ?? []).Select(a => a.Trim()).Where(a => a.Length > 0).Distinct(StringComparer.Ordinal).ToList(),
            RulesTemplate = string.IsNullOrWhiteSpace(matter.RulesTemplate) ? null : matter.RulesTemplate.Trim(),
        };
    }

    /// <summary>Whether a code has the shape of one: 1–40 lower-case letters, digits or hyphens, not starting with a hyphen.</summary>
    public static bool IsCode(string? code) => code is not null && CodePattern().IsMatch(code);

    /// <summary>The matters, in configured order.</summary>
    public IReadOnlyList<DeliberationMatter> Matters { get; }

    /// <summary>The matter with this code (exact, case-sensitive), or null.</summary>
    public DeliberationMatter? Find(string? code) => code is not null && _byCode.TryGetValue(code, out var matter) ? matter : null;

    /// <summary>Why entries cannot make a catalogue: none, a bad or repeated code, a missing name. Empty when they can.</summary>
    public static IReadOnlyList<string> Validate(IReadOnlyList<DeliberationMatter>? matters)
    {
        if (matters is null || matters.Count == 0) return [$"{SectionName} lists no matters."];
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < matters.Count; i++)
        {
            var m = matters[i];
            var code = m.Code?.Trim() ?? "";
            if (!CodePattern().IsMatch(code))
                problems.Add($"{SectionName}:{i}:Code '{code}' must be 1–{MaxCodeLength} lower-case letters, digits or hyphens.");
            else if (!seen.Add(code)) problems.Add($"{SectionName}:{i}:Code '{code}' is listed twice.");
            if (string.IsNullOrWhiteSpace(m.Zh)) problems.Add($"{SectionName}:{i}:Zh (the Chinese name) is empty.");
            if (string.IsNullOrWhiteSpace(m.En)) problems.Add($"{SectionName}:{i}:En (the English name) is empty.");
            foreach (var advisor in m.Advisors ?? [])
                if (!PartyKinds.Advisors.Contains(advisor?.Trim() ?? ""))
                    problems.Add($"{SectionName}:{i}:Advisors '{advisor}' is not one of {string.Join(", ", PartyKinds.Advisors)}.");
            if (!string.IsNullOrWhiteSpace(m.RulesTemplate) && RulesTemplates.Find(m.RulesTemplate.Trim()) is null)
                problems.Add($"{SectionName}:{i}:RulesTemplate '{m.RulesTemplate}' is not one of {string.Join(", ", RulesTemplates.All.Select(t => t.Code))}.");
        }
        return problems;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
