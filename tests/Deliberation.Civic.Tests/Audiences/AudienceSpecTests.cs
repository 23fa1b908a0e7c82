using System.Text.Json.Nodes;
using Deliberation.Civic.Audiences;
using Deliberation.Civic.Communities;
using Deliberation.Engine.Runtime;

namespace Deliberation.Civic.Tests.Audiences;

[Trait("Category", "Deliberation")]
public sealed class AudienceSpecTests
{
    private static string Code(Action act) => Assert.Throws<ActivityFaultException>(act).Error.Code;

    [Fact]
    public void Parse_IdsSeparatedAnyWay_EachOnceInOrder()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid();

        var spec = AudienceSpec.Parse(AudienceKinds.People, JsonValue.Create($" {a}，{b:N}\n{a}、{c} "), false, "ask");

        Assert.Equal([a, b, c], spec.Ids);
        Assert.Equal(PersonRoles.None, spec.Roles);
    }

    [Fact]
    public void Parse_JsonArray_IsReadToo()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid();

        Assert.Equal([a, b], AudienceSpec.Parse(AudienceKinds.BuildingGroup, new JsonArray(a.ToString(), b.ToString()), true, "ask").Ids);
    }

    [Fact]
    public void Parse_Roles_ChineseOrEnglishNames()
    {
        var spec = AudienceSpec.Parse(AudienceKinds.Role, JsonValue.Create("楼长、GridWorker"), false, "ask");

        Assert.Equal(PersonRoles.BuildingHead | PersonRoles.GridWorker, spec.Roles);
        Assert.Empty(spec.Ids);
    }

    [Theory]
    [InlineData("everyone", "x", "audience-kind-unknown")]
    [InlineData(null, "x", "audience-kind-unknown")]
    [InlineData(AudienceKinds.BuildingGroup, " ", "audience-targets-required")]
    [InlineData(AudienceKinds.Panel, "DALONG-2026-001", "audience-id-invalid")]
    [InlineData(AudienceKinds.Role, "楼长、队长", "audience-role-unknown")]
    public void Parse_Bad_FaultsWithItsCode(string? kind, string targets, string code) =>
        Assert.Equal(code, Code(() => AudienceSpec.Parse(kind, JsonValue.Create(targets), true, "ask")));

    [Fact]
    public void ParseIds_Empty_IsNone() => Assert.Empty(AudienceSpec.ParseIds(null, "attachMinutes", "notify"));
}
