using Deliberation.Civic.Data;
using Deliberation.Engine.Storage;

namespace Deliberation.Persistence.CivicPort;

/// <summary>The domain's port on EF Core: sessions over <see cref="DeliberationDbContext"/>.</summary>
public sealed class EfCivicDatabase(DeliberationDatabase database) : ICivicDatabase
{
    /// <inheritdoc/>
    public ICivicSession Open(bool tracking = false) => new EfCivicSession(database.CreateContext(tracking));

    /// <inheritdoc/>
    public async Task<ICivicSession> OpenInStepAsync(IStepScope step, CancellationToken cancellationToken) =>
        new EfCivicSession(await database.CreateContextAsync(step, cancellationToken));
}
