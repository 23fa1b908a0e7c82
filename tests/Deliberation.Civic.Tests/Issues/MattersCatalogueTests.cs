using Deliberation.Civic.Issues;

namespace Deliberation.Civic.Tests.Issues;

[Trait("Category", "Deliberation")]
public sealed class MattersCatalogueTests
{
    [Fact]
    public void Default_IsValidAndHasTheSeedsMatters()
    {
        var catalogue = new MattersCatalogue(MattersCatalogue.Default);

        Assert.Equal("加装电梯", catalogue.Find("lift")!.Zh);
        Assert.Equal("E-bike charging", catalogue.Find("ebike-charging")!.En);
        Assert.NotNull(catalogue.Find("other"));
        Assert.Null(catalogue.Find("LIFT"));
        Assert.Null(catalogue.Find(null));
    }

    [Fact]
    public void Validate_BadRepeatedOrUnnamedEntries_ListsEach()
    {
        var problems = MattersCatalogue.Validate(
        [
            new() { Code = "lift", Zh = "加装电梯", En = "Lift" },
            new() { Code = "lift", Zh = "电梯", En = "Lift again" },
            new() { Code = "Bad Code", Zh = "坏", En = "Bad" },
            new() { Code = "noise", Zh = " ", En = "Noise" },
        ]);

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("listed twice", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Bad Code", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains(":3:Zh", StringComparison.Ordinal));
        Assert.Single(MattersCatalogue.Validate([]));
        Assert.Throws<ArgumentException>(() => new MattersCatalogue([]));
    }
}
