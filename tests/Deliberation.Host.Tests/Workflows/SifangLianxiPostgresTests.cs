namespace Deliberation.Host.Tests.Workflows;

/// <summary>The four-party joint meeting of <see cref="SifangLianxiTests"/> on PostgreSQL, on a database of its own.</summary>
[Trait("Category", "Deliberation")]
public sealed class SifangLianxiPostgresTests(SmtpServer smtp, PostgresCluster cluster) : SifangLianxiTests(smtp), IClassFixture<PostgresCluster>
{
    protected override async Task<IReadOnlyDictionary<string, string>> DatabaseSettingsAsync(string run)
    {
        var name = "deliberation_sifang_" + run;
        await cluster.CreateDatabaseAsync(name);
        return new Dictionary<string, string>
        {
            ["Deliberation:Database:Provider"] = "PostgreSql",
            ["Deliberation:Database:ConnectionString"] = cluster.ConnectionString(name),
        };
    }
}
