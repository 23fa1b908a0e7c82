using Deliberation.Civic.Elections;

namespace Deliberation.Civic.Tests.Elections;

[Trait("Category", "Deliberation")]
public sealed class SeatsBySizeTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(36, 1)] // Dalong's 3栋
    [InlineData(60, 1)]
    [InlineData(61, 2)]
    [InlineData(150, 2)]
    [InlineData(151, 3)]
    [InlineData(180, 3)] // Dalong's 5栋
    public void SeatsBySize_OneUpTo60Households_TwoUpTo150_ThreeAbove(int households, int seats) =>
        Assert.Equal(seats, Election.SeatsBySize(households));
}
