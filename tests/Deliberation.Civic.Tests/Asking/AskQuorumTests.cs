using Deliberation.Civic.Asking;

namespace Deliberation.Civic.Tests.Asking;

[Trait("Category", "Deliberation")]
public sealed class AskQuorumTests
{
    [Theory]
    [InlineData("5", 10, 5)]
    [InlineData("5", 3, 3)]
    [InlineData("2/3", 10, 7)]
    [InlineData("2/3", 9, 6)]
    [InlineData("0.6", 10, 6)]
    [InlineData("0.5", 3, 2)]
    [InlineData("60%", 7, 5)]
    [InlineData("66.7%", 3, 3)]
    [InlineData(" 1 / 2 ", 1, 1)]
    [InlineData("1％", 10, 1)]
    public void RequiredOf_CountOrShare_RoundsUpWithinOneAndAll(string text, int total, int expected)
    {
        Assert.True(AskQuorum.TryParse(text, out var quorum));

        Assert.Equal(expected, quorum!.RequiredOf(total));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void TryParse_Blank_IsNoQuorum(string? text)
    {
        Assert.True(AskQuorum.TryParse(text, out var quorum));
        Assert.Null(quorum);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("3/2")]
    [InlineData("0/5")]
    [InlineData("1.5")]
    [InlineData("120%")]
    [InlineData("half")]
    [InlineData("2/")]
    public void TryParse_NeitherCountNorShare_IsRefused(string text) => Assert.False(AskQuorum.TryParse(text, out _));
}
