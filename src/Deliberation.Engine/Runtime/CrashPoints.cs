using System.Diagnostics;
using System.Globalization;

namespace Deliberation.Engine.Runtime;

/// <summary>
/// Named places in the unit of work where the fault tests have the process kill itself (SIGKILL: no shutdown code,
/// no flush, no rollback but the database's own), to prove that a host dying exactly there loses nothing. Armed only
/// by the environment variable <see cref="EnvironmentVariable"/> set to <c>name:n</c> (die the n-th time the point is
/// reached); unset, as in every real deployment, a point costs one comparison.
/// </summary>
public static class CrashPoints
{
    /// <summary>The environment variable that arms one point, e.g. <c>step-before-commit:40</c>.</summary>
    public const string EnvironmentVariable = "DELIBERATION_CRASH_AT";

    /// <summary>A step has run its activities and written its rows, and its transaction is not committed yet.</summary>
    public const string BeforeStepCommit = "step-before-commit";

    /// <summary>A step's transaction has committed; nobody has been told (no reply, no wake-up, no queued signal delivered).</summary>
    public const string AfterStepCommit = "step-after-commit";

    /// <summary>The mail server has accepted an outbox message, and the outbox row is not marked sent yet.</summary>
    public const string AfterOutboxHandOff = "outbox-after-hand-off";

    private static readonly (string Name, int Count)? Armed = Parse(Environment.GetEnvironmentVariable(EnvironmentVariable));
    private static int _reached;

    /// <summary>The armed point and count, or null (the normal case).</summary>
    public static string? Description => Armed is { } armed ? $"{armed.Name}:{armed.Count}" : null;

    /// <summary>Marks that the code reached <paramref name="name"/>; kills the process when that is the armed occurrence.</summary>
    public static void Reach(string name)
    {
        if (Armed is not { } armed || !string.Equals(armed.Name, name, StringComparison.Ordinal)) return;
        if (Interlocked.Increment(ref _reached) != armed.Count) return;
        Console.Error.WriteLine($"Crash point {name} reached for the {armed.Count}th time: killing the process.");
        using var self = Process.GetCurrentProcess();
        self.Kill();
        Thread.Sleep(Timeout.Infinite);
    }

    private static (string, int)? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var colon = value.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(value[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
            throw new InvalidOperationException($"{EnvironmentVariable} must be name:n, e.g. {BeforeStepCommit}:10; it is '{value}'.");
        var name = value[..colon];
        if (name is not (BeforeStepCommit or AfterStepCommit or AfterOutboxHandOff))
            throw new InvalidOperationException($"{EnvironmentVariable} names an unknown crash point '{name}'.");
        return (name, count);
    }
}
