using Deliberation.Civic.Decisions;

namespace Deliberation.Civic.Tests.Decisions;

[Trait("Category", "Deliberation")]
public sealed class FractionTests
{
    [Fact]
    public void Constructor_NotInLowestTerms_IsReducedAndEqual()
    {
        var fraction = new Fraction(4, 6);

        Assert.Equal(Fraction.TwoThirds, fraction);
        Assert.Equal((2L, 3L), (fraction.Numerator, fraction.Denominator));
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(-1, 2)]
    public void Constructor_ZeroDenominatorOrNegative_Throws(long numerator, long denominator) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Fraction(numerator, denominator));

    [Theory]
    [InlineData(2, 3, true)]       // exactly 2/3
    [InlineData(20, 30, true)]
    [InlineData(667, 1000, true)]
    [InlineData(66, 100, false)]   // just below: 0.66 < 0.666…
    [InlineData(6666, 10000, false)]
    [InlineData(1, 2, false)]
    public void Reaches_TwoThirds_IsExact(int part, int whole, bool expected) =>
        Assert.Equal(expected, new Share(part, whole).Reaches(Fraction.TwoThirds));

    [Theory]
    [InlineData(5, 10, false)]     // exactly half is not more than half
    [InlineData(6, 10, true)]
    [InlineData(50.01, 100, true)]
    [InlineData(0, 0, false)]
    public void Exceeds_Half_IsStrict(double part, double whole, bool expected) =>
        Assert.Equal(expected, new Share((decimal)part, (decimal)whole).Exceeds(Fraction.Half));

    [Fact]
    public void Reaches_WholeIsZero_IsNeverReached()
    {
        var nothing = new Share(0, 0);

        Assert.False(nothing.Reaches(Fraction.TwoThirds));
        Assert.False(nothing.Reaches(new Fraction(0, 1)));
        Assert.Null(nothing.Percent);
        Assert.Equal("—", nothing.PercentText);
    }

    [Fact]
    public void Reaches_DecimalAreas_AreComparedWithoutRounding()
    {
        // 200 of 300.01 m² is 66.6644…%, a hair below 2/3; 75.75 of 101 m² is exactly 3/4.
        Assert.False(new Share(200m, 300.01m).Reaches(Fraction.TwoThirds));
        Assert.True(new Share(75.75m, 101m).Reaches(Fraction.ThreeQuarters));
        Assert.False(new Share(75.74m, 101m).Reaches(Fraction.ThreeQuarters));
    }

    [Theory]
    [InlineData(7, 10, "70%")]
    [InlineData(2, 3, "66.67%")]
    [InlineData(1, 8, "12.5%")]
    public void PercentText_RoundsToTwoDecimalsForDisplay(int part, int whole, string expected) =>
        Assert.Equal(expected, new Share(part, whole).PercentText);

    [Theory]
    [InlineData(1, 2, "二分之一")]
    [InlineData(2, 3, "三分之二")]
    [InlineData(3, 4, "四分之三")]
    [InlineData(11, 20, "二十分之十一")]
    [InlineData(51, 100, "百分之五十一")]
    [InlineData(1, 1, "全部")]
    [InlineData(7, 120, "7/120")]
    public void ToChinese_SpellsTheFraction(long numerator, long denominator, string expected) =>
        Assert.Equal(expected, new Fraction(numerator, denominator).ToChinese());
}
