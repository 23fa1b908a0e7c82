using System.Text.Json.Nodes;
using Deliberation.Civic.Communities;
using Deliberation.Civic.Responses;

namespace Deliberation.Civic.Tests.Responses;

[Trait("Category", "Deliberation")]
public sealed class ResponseLadderTests
{
    [Fact]
    public void Parse_Nothing_IsTheWholeLadder() =>
        Assert.Equal(["grid", "community", "street"], ResponseLevels.Parse(null)!);

    [Theory]
    [InlineData("grid,community", new[] { "grid", "community" })]
    [InlineData("grid、street", new[] { "grid", "street" })]
    [InlineData(" community , street ", new[] { "community", "street" })]
    [InlineData("", new[] { "grid", "community", "street" })]
    public void Parse_Text(string text, string[] expected) => Assert.Equal(expected, ResponseLevels.Parse(JsonValue.Create(text))!);

    [Fact]
    public void Parse_Array() => Assert.Equal(["grid", "street"], ResponseLevels.Parse(new JsonArray("grid", "street"))!);

    [Theory]
    [InlineData("street,grid")]
    [InlineData("grid,grid")]
    [InlineData("grid,city")]
    [InlineData("Grid")]
    public void Parse_DownwardsRepeatedOrUnknown_IsRefused(string text) => Assert.Null(ResponseLevels.Parse(JsonValue.Create(text)));

    [Fact]
    public void Parse_EmptyArrayOrNumbers_IsRefused()
    {
        Assert.Null(ResponseLevels.Parse(new JsonArray()));
        Assert.Null(ResponseLevels.Parse(new JsonArray(1, 2)));
        Assert.Null(ResponseLevels.Parse(JsonValue.Create(3)));
    }

    [Fact]
    public void LevelEmpty_EachLevel_HasItsOwnCode()
    {
        Assert.Equal("respond-no-grid-worker", ResponseFaults.LevelEmpty(ResponseLevels.Grid).Error.Code);
        Assert.Equal("respond-no-community-contact", ResponseFaults.LevelEmpty(ResponseLevels.Community).Error.Code);
        Assert.Equal("respond-no-street-contact", ResponseFaults.LevelEmpty(ResponseLevels.Street).Error.Code);
    }

    private static readonly Guid East = Guid.NewGuid(), West = Guid.NewGuid();
    private static readonly Guid B1 = Guid.NewGuid(), B5 = Guid.NewGuid(), B2 = Guid.NewGuid();
    private static readonly Dictionary<Guid, Guid> PrecinctOf = new() { [B1] = East, [B5] = East, [B2] = West };

    private static Person Worker(string name, Guid building, PersonRoles roles = PersonRoles.GridWorker) =>
        new() { Id = Guid.NewGuid(), Name = name, BuildingGroupId = building, Roles = roles };

    [Fact]
    public void GridWorkers_OfTheSameBuilding_ComeFirst()
    {
        var li = Worker("李网格", B5);
        var zhao = Worker("赵网格", B1);
        Assert.Equal([li], GridWorkers.For([zhao, li], PrecinctOf, [B5]));
    }

    [Fact]
    public void GridWorkers_WithoutOneInTheBuilding_AreThoseOfItsGrid()
    {
        var zhao = Worker("赵网格", B1);
        var wang = Worker("王网格", B2);
        var resident = Worker("张居民", B5, PersonRoles.Resident);
        Assert.Equal([zhao], GridWorkers.For([wang, zhao, resident], PrecinctOf, [B5]));
    }

    [Fact]
    public void GridWorkers_NoneInTheGrid_IsEmpty() =>
        Assert.Empty(GridWorkers.For([Worker("王网格", B2)], PrecinctOf, [B1, B5]));
}
