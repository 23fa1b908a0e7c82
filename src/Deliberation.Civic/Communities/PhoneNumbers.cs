namespace Deliberation.Civic.Communities;

/// <summary>Phone numbers of the roster: what is accepted, how they are stored and how lists show them.</summary>
public static class PhoneNumbers
{
    /// <summary>The fewest digits of a phone number (a local landline).</summary>
    public const int MinDigits = 7;

    /// <summary>The most digits of a phone number (an international number with an extension).</summary>
    public const int MaxDigits = 20;

    /// <summary>
    /// Reads a phone number: digits with an optional leading <c>+</c>, separated by <c>-</c> or spaces,
    /// <see cref="MinDigits"/> to <see cref="MaxDigits"/> digits. The stored form drops the separators
    /// (<c>138-1234-5678</c> becomes <c>13812345678</c>) so that masks and comparisons see digits only.
    /// </summary>
    /// <returns>Whether <paramref name="text"/> is a phone number.</returns>
    public static bool TryNormalize(string text, out string normalized)
    {
        normalized = "";
        var value = text.Trim();
        var plus = value.StartsWith('+');
        var digits = new System.Text.StringBuilder(value.Length);
        for (var i = plus ? 1 : 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsAsciiDigit(c)) digits.Append(c);
            else if (c is not ('-' or ' ')) return false;
        }
        if (digits.Length is < MinDigits or > MaxDigits) return false;
        normalized = (plus ? "+" : "") + digits;
        return true;
    }

    /// <summary>
    /// The number as lists show it: the first 3 and last 4 digits of a mobile-length number
    /// (<c>138****5678</c>); of a shorter one only the last 4, since its first 3 and last 4 would be all of it.
    /// </summary>
    public static string Mask(string phone)
    {
        var plus = phone.StartsWith('+') ? "+" : "";
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length <= 4) return plus + new string('*', digits.Length);
        if (digits.Length < 11) return plus + new string('*', digits.Length - 4) + digits[^4..];
        return plus + digits[..3] + new string('*', digits.Length - 7) + digits[^4..];
    }
}
