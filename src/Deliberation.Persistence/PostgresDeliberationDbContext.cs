using Microsoft.EntityFrameworkCore;

namespace Deliberation.Persistence;

/// <summary>The model on PostgreSQL (scale-out). Ids are native uuid.</summary>
public sealed class PostgresDeliberationDbContext(DbContextOptions<PostgresDeliberationDbContext> options) : DeliberationDbContext(options);
