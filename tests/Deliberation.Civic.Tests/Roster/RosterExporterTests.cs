using System.Text;
using Deliberation.Civic.Communities;
using Deliberation.Civic.Roster;
using Deliberation.Civic.Tests.Support;

namespace Deliberation.Civic.Tests.Roster;

public sealed class RosterExporterTests
{
    private static RosterStructure Imported(string csv)
    {
        var plan = TestCommunity.Plan(csv, TestCommunity.Empty);
        Assert.True(plan.IsValid, string.Join("; ", plan.Problems.Select(p => $"{p.Line}: {p.MessageEn}")));
        return TestCommunity.Empty with { Households = plan.Households, People = plan.People };
    }

    private static readonly string Roster =
        "网格,楼栋,单元,房号,建筑面积,姓名,角色,邮箱,电话,户代表\n" +
        "西苑,2栋,,301,75,李四,,li4@example.com,,是\n" +
        "东苑,1栋,2单元,1203,89.5,王小红,,,,\n" +
        "东苑,1栋,2单元,1203,89.5,王小明,居民、楼长,wang@example.com,+86 138-1234-5678,是\n" +
        ",,,,,\"=SUM(1,2)\",律师,,,\n" +
        "东苑,5栋,,,,钱楼长,楼长,,0755 1234567,\n";

    [Fact]
    public void WriteCsv_StartsWithBomAndTheChineseHeader()
    {
        var bytes = RosterExporter.WriteCsv(Imported(Roster));

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.StartsWith("网格,小区,楼栋,单元,房号,建筑面积,姓名,角色,邮箱,电话,户代表\r\n", Encoding.UTF8.GetString(bytes[3..]), StringComparison.Ordinal);
    }

    [Fact]
    public void WriteCsv_OneRowPerPersonWithStructureJoinedAndFullPhone()
    {
        var text = Encoding.UTF8.GetString(RosterExporter.WriteCsv(Imported(Roster))[3..]);

        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
        [
            "网格,小区,楼栋,单元,房号,建筑面积,姓名,角色,邮箱,电话,户代表",
            "东苑,,1栋,2单元,1203,89.5,王小明,居民、楼长,wang@example.com,+8613812345678,是",
            "东苑,,1栋,2单元,1203,89.5,王小红,居民,,,否",
            "东苑,,5栋,,,,钱楼长,楼长,,07551234567,否",
            "西苑,,2栋,,301,75,李四,居民,li4@example.com,,是",
            ",,,,,,\"'=SUM(1,2)\",律师,,,否",
        ], lines);
    }

    [Fact]
    public void WriteCsv_ImportedIntoAnEmptyCopyOfTheStructure_ReproducesTheRoster()
    {
        var original = Imported(Roster);

        var copy = Imported(Encoding.UTF8.GetString(RosterExporter.WriteCsv(original)));

        static IEnumerable<string> People(RosterStructure s) => s.People.Select(p =>
        {
            var household = s.Households.SingleOrDefault(h => h.Id == p.HouseholdId);
            return $"{p.BuildingGroupId}|{household?.Unit}|{household?.FloorArea}|{p.Name}|{p.Roles}|{p.Email}|{p.Phone}|{p.IsHouseholdRepresentative}";
        }).Order(StringComparer.Ordinal);
        Assert.Equal(People(original), People(copy));
        Assert.Equal(original.Households.Select(h => (h.BuildingGroupId, h.Entrance, h.Unit, h.FloorArea)).Order(),
            copy.Households.Select(h => (h.BuildingGroupId, h.Entrance, h.Unit, h.FloorArea)).Order());
        Assert.Contains(copy.People, p => p.Name == "=SUM(1,2)" && p.Roles == PersonRoles.Lawyer);
    }
}
