namespace Deliberation.Host.Tests.Implementation;

/// <summary>The step-5 scenarios of <see cref="StepFiveTests"/> on PostgreSQL, each on its own database.</summary>
[Trait("Category", "Deliberation")]
public sealed class StepFivePostgresTests(SmtpServer smtp, PostgresCluster cluster) : StepFiveTests(smtp), IClassFixture<PostgresCluster>
{
    protected override async Task<IReadOnlyDictionary<string, string>> DatabaseSettingsAsync(string run)
    {
        var name = "deliberation_step5_" + run;
        await cluster.CreateDatabaseAsync(name);
        return new Dictionary<string, string>
        {
            ["Deliberation:Database:Provider"] = "PostgreSql",
            ["Deliberation:Database:ConnectionString"] = cluster.ConnectionString(name),
        };
    }
}
