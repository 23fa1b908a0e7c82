using Deliberation.Persistence;
using Microsoft.Extensions.Options;

namespace Deliberation.Host.Hosting;

/// <summary>Checks <c>Deliberation:Database</c> at start-up (the SQLite file's default connection string is filled in before).</summary>
public sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        var failures = new List<string>();
        if (!options.IsPostgres && !options.Provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
            failures.Add($"{DatabaseOptions.SectionName}:Provider must be Sqlite or PostgreSql, not '{options.Provider}'.");
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
            failures.Add($"{DatabaseOptions.SectionName}:ConnectionString is needed for PostgreSql (e.g. Host=localhost;Database=deliberation;Username=…).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
