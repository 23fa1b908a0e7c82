using Deliberation.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Persistence;

/// <summary>The model on PostgreSQL (scale-out). Ids are native uuid.</summary>
public sealed class PostgresDeliberationDbContext(DbContextOptions<PostgresDeliberationDbContext> options) : DeliberationDbContext(options)
{
    /// <inheritdoc/>
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // SQLite numbers journal rows by rowid; PostgreSQL needs an identity column for the same append order.
        builder.Entity<JournalStepRow>().Property(j => j.Id).ValueGeneratedOnAdd().UseIdentityByDefaultColumn();
    }
}
