using Deliberation.Integrations.Timers;
using Microsoft.Extensions.Options;

namespace Deliberation.Host.Hosting;

/// <summary>Checks <c>Deliberation:Timers</c> at start-up: a zero poll interval would spin, a zero lease would let two pumps fire one timer.</summary>
public sealed class TimerOptionsValidator : IValidateOptions<TimerOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, TimerOptions options)
    {
        var failures = new List<string>();
        if (options.PollInterval <= TimeSpan.Zero || options.PollInterval > TimeSpan.FromHours(1))
            failures.Add($"{TimerOptions.SectionName}:PollInterval must be more than zero and at most an hour, not {options.PollInterval}.");
        if (options.BatchSize is < 1 or > 100_000) failures.Add($"{TimerOptions.SectionName}:BatchSize must be 1–100000, not {options.BatchSize}.");
        if (options.Lease < TimeSpan.FromSeconds(1)) failures.Add($"{TimerOptions.SectionName}:Lease must be at least a second, not {options.Lease}.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
