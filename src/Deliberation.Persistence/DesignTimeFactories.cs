using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Deliberation.Persistence;

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteDeliberationDbContext</c> build the SQLite model.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteDeliberationDbContext>
{
    /// <inheritdoc/>
    public SqliteDeliberationDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteDeliberationDbContext>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>Lets <c>dotnet ef migrations add … --context PostgresDeliberationDbContext</c> build the PostgreSQL model.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresDeliberationDbContext>
{
    /// <inheritdoc/>
    public PostgresDeliberationDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresDeliberationDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
