using System.Globalization;
using System.Text;

namespace Deliberation.Benchmarks.Ballot;

/// <summary>
/// A roster the size of Dalong community (seed 002: 5,830 households, 13,201 residents, 7 precincts, 113 building
/// groups) as the CSV staff import: every household has a representative with an email address; the other residents
/// have none. Smaller sizes keep the proportions.
/// </summary>
internal static class DalongRoster
{
    /// <summary>Dalong's households.</summary>
    public const int Households = 5_830;

    /// <summary>Dalong's residents.</summary>
    public const int Residents = 13_201;

    private const int Precincts = 7, BuildingGroups = 113;
    private static readonly string[] Compounds = ["岐山中路小区", "龙基花园", "富怡苑", "加富花园", "瀚御居"];
    private static readonly string[] Surnames = ["陈", "黄", "李", "梁", "何", "罗", "林", "张", "王", "吴", "刘", "冯", "邓", "郭", "关", "谭"];

    /// <summary>The CSV for <paramref name="households"/> households (and residents in Dalong's proportion).</summary>
    /// <param name="households">How many households.</param>
    /// <param name="emailOf">The representative's address of household <c>i</c> (0-based).</param>
    /// <returns>The CSV, the building groups to create first (precinct, compound, name) and how many people it lists.</returns>
    public static (byte[] Csv, List<(string Precinct, string Compound, string Name)> Buildings, int People) Write(int households, Func<int, string> emailOf)
    {
        var buildings = Math.Max(1, (int)Math.Round(households * (double)BuildingGroups / Households));
        var precincts = Math.Clamp((int)Math.Round(buildings * (double)Precincts / BuildingGroups), 1, Precincts);
        var residents = (int)Math.Round(households * (double)Residents / Households);
        var others = residents - households;
        var csv = new StringBuilder("网格,小区,楼栋,单元,房号,建筑面积,姓名,角色,邮箱,电话,户代表\n");
        var people = 0;
        var structure = Enumerable.Range(0, buildings)
            .Select(b => (Precinct(b * precincts / buildings), Compounds[b % Compounds.Length], string.Create(CultureInfo.InvariantCulture, $"{b + 1}栋"))).ToList();
        for (var i = 0; i < households; i++)
        {
            // Households spread evenly over the buildings, buildings over the precincts.
            var building = (int)((long)i * buildings / households);
            var first = (int)((long)building * households / buildings);
            var unit = (i - first) / 4 * 100 + 101 + (i - first) % 4;
            var prefix = string.Create(CultureInfo.InvariantCulture,
                $"{structure[building].Item1},{structure[building].Item2},{structure[building].Item3},,{unit},{70 + i % 50}");
            var surname = Surnames[i % Surnames.Length];
            csv.Append(CultureInfo.InvariantCulture, $"{prefix},{surname}户{i + 1},居民,{emailOf(i)},,是\n");
            people++;
            // The other residents, as evenly as they come: without email (a building head answers for them).
            var extra = (int)((long)(i + 1) * others / households) - (int)((long)i * others / households);
            for (var k = 0; k < extra; k++, people++)
                csv.Append(CultureInfo.InvariantCulture, $"{prefix},{surname}家{i + 1}-{k + 1},居民,,,否\n");
        }
        return (Encoding.UTF8.GetBytes(csv.ToString()), structure, people);
    }

    private static string Precinct(int index) => string.Create(CultureInfo.InvariantCulture, $"第{index + 1}网格");
}
