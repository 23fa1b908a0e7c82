namespace Deliberation.Civic.Needs;

/// <summary>The two lists of seed 001's needs list (需求清单).</summary>
public static class NeedKinds
{
    /// <summary>急需解决: to be solved at once.</summary>
    public const string Urgent = "urgent";

    /// <summary>长期解决: to be solved over time.</summary>
    public const string LongTerm = "long-term";

    /// <summary>Every kind.</summary>
    public static IReadOnlyList<string> All { get; } = [Urgent, LongTerm];

    /// <summary>The kind in Chinese.</summary>
    public static string ChineseName(string kind) => kind == LongTerm ? "长期解决" : "急需解决";
}
