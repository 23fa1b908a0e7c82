using System.Globalization;

namespace Deliberation.Civic.Asking;

/// <summary>
/// How many answers are enough to go on before everyone has answered: a count (<c>5</c>) or a share of those asked
/// (<c>2/3</c>, <c>0.6</c>, <c>60%</c>), rounded up — 2/3 of 10 is 7. Never fewer than one nor more than everyone.
/// </summary>
/// <param name="Count">A fixed count; null for a share.</param>
/// <param name="Numerator">The share's numerator (with <paramref name="Count"/> null).</param>
/// <param name="Denominator">The share's denominator, positive.</param>
public sealed record AskQuorum(int? Count, long Numerator, long Denominator)
{
    /// <summary>Reads a quorum; blank means none (wait for everyone), which is not a failure.</summary>
    /// <param name="text">The text as staff typed it.</param>
    /// <param name="quorum">The quorum; null for none.</param>
    /// <returns>False when the text is neither blank nor a count or share.</returns>
    public static bool TryParse(string? text, out AskQuorum? quorum)
    {
        quorum = null;
        var t = (text ?? "").Trim().Replace('％', '%').Replace('／', '/');
        if (t.Length == 0) return true;
        if (t.EndsWith('%'))
            return TryDecimal(t[..^1], out var percent) && percent is > 0 and <= 100 && Share(percent / 100m, out quorum);
        if (t.Split('/') is [var n, var d])
        {
            if (!long.TryParse(n.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var num)
                || !long.TryParse(d.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var den) || num <= 0 || den <= 0 || num > den || den > 1_000_000)
                return false;
            quorum = new AskQuorum(null, num, den);
            return true;
        }
        if (int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            if (count < 1) return false;
            quorum = new AskQuorum(count, 0, 1);
            return true;
        }
        return TryDecimal(t, out var fraction) && fraction is > 0 and <= 1 && Share(fraction, out quorum);
    }

    /// <summary>How many of <paramref name="total"/> must answer: at least one, at most all.</summary>
    public int RequiredOf(int total)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        var needed = Count ?? (int)((total * Numerator + Denominator - 1) / Denominator);
        return Math.Clamp(needed, Math.Min(1, total), total);
    }

    private static bool TryDecimal(string text, out decimal value) =>
        decimal.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);

    /// <summary>An exact share from a decimal: 0.6 is 6/10, 66.7% is 667/1000.</summary>
    private static bool Share(decimal share, out AskQuorum? quorum)
    {
        long den = 1;
        while (share * den != decimal.Truncate(share * den) && den < 1_000_000) den *= 10;
        quorum = new AskQuorum(null, (long)decimal.Truncate(share * den), den);
        return true;
    }
}
