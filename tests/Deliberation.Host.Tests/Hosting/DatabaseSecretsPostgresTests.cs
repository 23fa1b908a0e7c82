using Deliberation.Persistence;

namespace Deliberation.Host.Tests.Hosting;

/// <summary>The shared secrets on PostgreSQL: hosts that store a secret at the same moment all end up with one value.</summary>
[Trait("Category", "ScaleOut")]
public sealed class DatabaseSecretsPostgresTests(PostgresCluster cluster) : IClassFixture<PostgresCluster>
{
    [Fact]
    public async Task GetOrAdd_ManyHostsAtOnce_AllGetTheWinnersValue()
    {
        await cluster.CreateDatabaseAsync("deliberation_secrets_race");
        var options = new DatabaseOptions { Provider = "PostgreSql", ConnectionString = cluster.ConnectionString("deliberation_secrets_race") };
        using var migrator = new DeliberationDatabase(options);
        await migrator.MigrateAsync(CancellationToken.None);
        var hosts = Enumerable.Range(0, 8).Select(_ => new DeliberationDatabase(options)).ToList();

        var stored = await Task.WhenAll(hosts.Select((database, i) => Task.Run(() =>
            new DatabaseSecrets(database, TimeProvider.System).GetOrAddAsync("link-signing-key", $"value-{i}", CancellationToken.None))));

        Assert.All(stored, s => Assert.Equal(stored[0], s));
        Assert.Equal(stored[0], await new DatabaseSecrets(migrator, TimeProvider.System).FindAsync("link-signing-key", CancellationToken.None));
        foreach (var database in hosts) database.Dispose();
    }
}
