namespace Deliberation.Host.Tests.Needs;

/// <summary>
/// The 三单 scenarios of <see cref="SandanTests"/> on PostgreSQL, each on its own database: there the two claims at the same
/// moment meet the instance's row lock and the need's conditional update.
/// </summary>
[Trait("Category", "Deliberation")]
public sealed class SandanPostgresTests(SmtpServer smtp, PostgresCluster cluster) : SandanTests(smtp), IClassFixture<PostgresCluster>
{
    protected override async Task<IReadOnlyDictionary<string, string>> DatabaseSettingsAsync(string run)
    {
        var name = "deliberation_sandan_" + run;
        await cluster.CreateDatabaseAsync(name);
        return new Dictionary<string, string>
        {
            ["Deliberation:Database:Provider"] = "PostgreSql",
            ["Deliberation:Database:ConnectionString"] = cluster.ConnectionString(name),
        };
    }
}
