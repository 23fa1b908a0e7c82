using Deliberation.Engine.Definitions;

namespace Deliberation.Civic.Responses;

/// <summary>
/// The deadline classes a matter can be given, after the 12345 hotline's (2 hours for emergencies, 24 hours for public
/// utilities, 7 days in general, 15 days for complex matters) and seed 004's "对发现的问题4小时之内处理到位" for what a
/// grid worker finds on the spot. A workflow names a class, or gives its own deadline (<see cref="Custom"/>).
/// </summary>
public static class DeadlineClasses
{
    /// <summary>紧急: two hours (a gas smell, a person trapped in a lift).</summary>
    public const string Emergency = "emergency";

    /// <summary>网格即时处理: four hours, what the grid finds on its rounds (seed 004).</summary>
    public const string OnSite = "on-site";

    /// <summary>公用事业: 24 hours (water, power, gas, heating).</summary>
    public const string Utilities = "utilities";

    /// <summary>一般: seven days.</summary>
    public const string General = "general";

    /// <summary>复杂: fifteen days (several departments, money to find).</summary>
    public const string Complex = "complex";

    /// <summary>The code recorded when the workflow gives its own deadline without naming a class.</summary>
    public const string Custom = "custom";

    /// <summary>The shortest deadline a level may be given.</summary>
    public static readonly TimeSpan MinDeadline = TimeSpan.FromMinutes(1);

    /// <summary>The longest deadline a level may be given.</summary>
    public static readonly TimeSpan MaxDeadline = TimeSpan.FromDays(90);

    /// <summary>Every class, shortest first.</summary>
    public static IReadOnlyList<DeadlineClass> All { get; } =
    [
        new(Emergency, TimeSpan.FromHours(2), new("紧急（2小时）", "Emergency (2 hours)")),
        new(OnSite, TimeSpan.FromHours(4), new("网格即时处理（4小时）", "On the spot (4 hours)")),
        new(Utilities, TimeSpan.FromHours(24), new("公用事业（24小时）", "Public utilities (24 hours)")),
        new(General, TimeSpan.FromDays(7), new("一般（7天）", "General (7 days)")),
        new(Complex, TimeSpan.FromDays(15), new("复杂（15天）", "Complex (15 days)")),
    ];

    /// <summary>The codes of <see cref="All"/>, for a dropdown.</summary>
    public static IReadOnlyList<string> Codes { get; } = [.. All.Select(c => c.Code)];

    /// <summary>The class of a code; null for an unknown one.</summary>
    public static DeadlineClass? Find(string? code) => All.FirstOrDefault(c => string.Equals(c.Code, code?.Trim(), StringComparison.Ordinal));

    /// <summary>The name of a recorded class code: the class's name, 自定义时限 for <see cref="Custom"/>, or the code itself.</summary>
    public static LocalizedText NameOf(string code) => Find(code)?.Name ?? (code == Custom ? new("自定义时限", "Custom deadline") : new(code, code));

    /// <summary>
    /// The class and deadline a matter gets: the named class's deadline, or <paramref name="deadline"/> when given (which
    /// overrides the class's, or stands alone as <see cref="Custom"/>).
    /// </summary>
    /// <returns>The class code and the deadline; or a problem: <see cref="ResponseProblem.DeadlineClassUnknown"/> (no such class, or neither given) or <see cref="ResponseProblem.DeadlineOutOfRange"/>.</returns>
    public static (string Code, TimeSpan Deadline, ResponseProblem? Problem) Resolve(string? classCode, TimeSpan? deadline)
    {
        var named = string.IsNullOrWhiteSpace(classCode) ? null : Find(classCode);
        if (!string.IsNullOrWhiteSpace(classCode) && named is null) return ("", default, ResponseProblem.DeadlineClassUnknown);
        var code = named?.Code ?? Custom;
        var value = deadline ?? named?.Deadline;
        if (value is not { } d) return ("", default, ResponseProblem.DeadlineClassUnknown);
        if (d < MinDeadline || d > MaxDeadline) return (code, d, ResponseProblem.DeadlineOutOfRange);
        return (code, d, null);
    }
}
