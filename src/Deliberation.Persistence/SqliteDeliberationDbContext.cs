using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Deliberation.Persistence;

/// <summary>The model on SQLite (the embedded default). Ids are stored as 16-byte blobs: smaller keys, fewer pages per step.</summary>
public sealed class SqliteDeliberationDbContext(DbContextOptions<SqliteDeliberationDbContext> options) : DeliberationDbContext(options)
{
    /// <inheritdoc/>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<Guid>().HaveConversion<GuidToBytesConverter>();
    }
}
