namespace Deliberation.Civic.Notices;

/// <summary>What a public notice (<see cref="PostedNotice.Kind"/>) announces.</summary>
public static class NoticeKinds
{
    /// <summary>An issue anchored for deliberation (列为协商议题公示).</summary>
    public const string Anchored = "anchored";

    /// <summary>The resolution of the meeting (决议公示).</summary>
    public const string Result = "result";

    /// <summary>The case's closing, with its result (结案公示).</summary>
    public const string Closing = "closing";

    /// <summary>Every kind.</summary>
    public static IReadOnlyList<string> All { get; } = [Anchored, Result, Closing];
}
