using System.Security.Cryptography;

namespace Deliberation.Civic.ShortLinks;

/// <summary>
/// The codes of short links: <see cref="Length"/> random characters of an alphabet without the look-alikes (no 0/O, 1/l/I),
/// so a code read off paper or a phone screen can be typed back: 56 characters, about 58 bits in all.
/// </summary>
public static class ShortCodes
{
    /// <summary>The characters a code is made of: digits 2–9, lower and upper case letters without l, o, I and O.</summary>
    public const string Alphabet = "23456789abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";

    /// <summary>How many characters a code has.</summary>
    public const int Length = 10;

    /// <summary>A new random code.</summary>
    public static string Create() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>Whether <paramref name="code"/> is shaped like a code (looked up only then).</summary>
    public static bool IsCode(string? code) => code is { Length: Length } && code.All(c => Alphabet.Contains(c, StringComparison.Ordinal));
}
