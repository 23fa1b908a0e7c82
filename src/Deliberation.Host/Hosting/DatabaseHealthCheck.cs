using Deliberation.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Deliberation.Host.Hosting;

/// <summary>Healthy when the database answers.</summary>
public sealed class DatabaseHealthCheck(DeliberationDatabase database) : IHealthCheck
{
    /// <inheritdoc/>
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var c = await database.Pool.RentAsync(cancellationToken);
            await c.Command("SELECT 1", [], []).ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{database.Pool.Dialect.Provider} answers.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", ex);
        }
    }
}
