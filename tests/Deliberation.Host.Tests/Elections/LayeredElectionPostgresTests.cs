namespace Deliberation.Host.Tests.Elections;

/// <summary>The election scenarios of <see cref="LayeredElectionTests"/> on PostgreSQL, each on its own database.</summary>
[Trait("Category", "Deliberation")]
public sealed class LayeredElectionPostgresTests(SmtpServer smtp, PostgresCluster cluster)
    : LayeredElectionTests(smtp), IClassFixture<PostgresCluster>
{
    protected override async Task<IReadOnlyDictionary<string, string>> DatabaseSettingsAsync(string run)
    {
        var name = "deliberation_elections_" + run;
        await cluster.CreateDatabaseAsync(name);
        return new Dictionary<string, string>
        {
            ["Deliberation:Database:Provider"] = "PostgreSql",
            ["Deliberation:Database:ConnectionString"] = cluster.ConnectionString(name),
        };
    }
}
