namespace Deliberation.Civic.ShortLinks;

/// <summary>What a short link leads to.</summary>
public static class ShortLinkKinds
{
    /// <summary>A task's signed answer link (<c>/t/{token}</c>), personal.</summary>
    public const string Task = "task";

    /// <summary>A notice's public page (<c>/gongshi/{code}</c>), for everyone.</summary>
    public const string Notice = "notice";

    /// <summary>Every kind.</summary>
    public static IReadOnlyList<string> All { get; } = [Task, Notice];
}
