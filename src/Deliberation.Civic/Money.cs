using System.Globalization;

namespace Deliberation.Civic;

/// <summary>Money written one way everywhere staff and residents read it (notices, emails, minutes): 50,000 元, 12,000.5 元.</summary>
public static class Money
{
    /// <summary>An amount in yuan with thousands separators and at most two decimals, without the unit: <c>50,000</c>.</summary>
    public static string Yuan(decimal amount) => amount.ToString("#,0.##", CultureInfo.InvariantCulture);
}
