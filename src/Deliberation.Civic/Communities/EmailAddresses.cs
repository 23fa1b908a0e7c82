using System.Net.Mail;
using System.Text.RegularExpressions;

namespace Deliberation.Civic.Communities;

/// <summary>Which email addresses the roster accepts.</summary>
public static partial class EmailAddresses
{
    /// <summary>The longest address accepted (RFC 5321's path limit).</summary>
    public const int MaxLength = 254;

    /// <summary>
    /// Whether <paramref name="address"/> (already trimmed) is a plain address such as <c>wang@example.com</c>.
    /// <see cref="MailAddress"/> alone accepts display names and angle brackets (<c>Wang &lt;w@x&gt;</c>) and
    /// domains without a dot, which are typos in a roster; the pattern asks for one <c>@</c>, no spaces,
    /// a dot in the domain, and a first character that no spreadsheet takes for a formula.
    /// </summary>
    public static bool IsValid(string address) =>
        address.Length is > 0 and <= MaxLength
        && Plain().IsMatch(address)
        && MailAddress.TryCreate(address, out var parsed)
        && parsed.Address == address
        && parsed.DisplayName.Length == 0;

    [GeneratedRegex(@"^[^@\s=+\-<>""(),;:\\\[\]][^@\s<>""(),;:\\\[\]]*@[^@\s<>""(),;:\\\[\]]+\.[^@\s<>""(),;:\\\[\]]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Plain();
}
