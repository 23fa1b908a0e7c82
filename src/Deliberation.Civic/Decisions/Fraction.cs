using System.Globalization;

namespace Deliberation.Civic.Decisions;

/// <summary>
/// An exact threshold such as 2/3, kept as whole numbers and reduced to lowest terms (so 4/6 equals
/// 2/3). Thresholds are compared by cross-multiplication in <see cref="Share"/>, never through a
/// floating-point quotient: 2 of 3 reaches 2/3, 66 of 100 does not.
/// </summary>
public sealed record Fraction
{
    /// <summary>A new fraction, reduced.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative numerator or a denominator below 1.</exception>
    public Fraction(long numerator, long denominator)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(numerator);
        ArgumentOutOfRangeException.ThrowIfLessThan(denominator, 1);
        var divisor = Gcd(numerator, denominator);
        Numerator = numerator / divisor;
        Denominator = denominator / divisor;
    }

    /// <summary>1/2, the "more than half" of a simple majority.</summary>
    public static Fraction Half { get; } = new(1, 2);

    /// <summary>2/3.</summary>
    public static Fraction TwoThirds { get; } = new(2, 3);

    /// <summary>3/4.</summary>
    public static Fraction ThreeQuarters { get; } = new(3, 4);

    /// <summary>1, everyone.</summary>
    public static Fraction One { get; } = new(1, 1);

    /// <summary>The numerator, in lowest terms.</summary>
    public long Numerator { get; }

    /// <summary>The denominator (at least 1), in lowest terms.</summary>
    public long Denominator { get; }

    /// <summary>Whether the fraction is greater than <paramref name="other"/>.</summary>
    public bool IsGreaterThan(Fraction other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return (Int128)Numerator * other.Denominator > (Int128)other.Numerator * Denominator;
    }

    /// <summary>The fraction as people write it: <c>2/3</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Numerator}/{Denominator}");

    /// <summary>The fraction in Chinese: <c>三分之二</c>, <c>百分之五十一</c>; <c>7/120</c> beyond the numerals it spells.</summary>
    public string ToChinese()
    {
        if (Numerator == Denominator) return "全部";
        if (ChineseNumber(Numerator) is { } num && ChineseNumber(Denominator) is { } den)
            return Denominator == 100 ? $"百分之{num}" : $"{den}分之{num}";
        return ToString();
    }

    private static string? ChineseNumber(long n)
    {
        const string digits = "零一二三四五六七八九";
        return n switch
        {
            < 0 or > 100 => null,
            100 => "百",
            < 10 => digits[(int)n].ToString(),
            < 20 => "十" + (n % 10 == 0 ? "" : digits[(int)(n % 10)].ToString()),
            _ => $"{digits[(int)(n / 10)]}十" + (n % 10 == 0 ? "" : digits[(int)(n % 10)].ToString()),
        };
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return a == 0 ? 1 : a;
    }
}
