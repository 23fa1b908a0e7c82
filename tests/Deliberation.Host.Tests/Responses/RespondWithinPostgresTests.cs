namespace Deliberation.Host.Tests.Responses;

/// <summary>The scenarios of <see cref="RespondWithinTests"/> on PostgreSQL, each on its own database.</summary>
[Trait("Category", "Deliberation")]
public sealed class RespondWithinPostgresTests(SmtpServer smtp, PostgresCluster cluster) : RespondWithinTests(smtp), IClassFixture<PostgresCluster>
{
    protected override async Task<IReadOnlyDictionary<string, string>> DatabaseSettingsAsync(string run)
    {
        var name = "deliberation_respond_" + run;
        await cluster.CreateDatabaseAsync(name);
        return new Dictionary<string, string>
        {
            ["Deliberation:Database:Provider"] = "PostgreSql",
            ["Deliberation:Database:ConnectionString"] = cluster.ConnectionString(name),
        };
    }
}
