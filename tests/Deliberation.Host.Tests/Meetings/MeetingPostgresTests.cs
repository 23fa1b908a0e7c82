namespace Deliberation.Host.Tests.Meetings;

/// <summary>The meeting scenarios of <see cref="MeetingTests"/> on PostgreSQL, each on its own database.</summary>
[Trait("Category", "Deliberation")]
public sealed class MeetingPostgresTests(SmtpServer smtp, PostgresCluster cluster) : MeetingTests(smtp), IClassFixture<PostgresCluster>
{
    protected override async Task<IReadOnlyDictionary<string, string>> DatabaseSettingsAsync(string run)
    {
        var name = "deliberation_meetings_" + run;
        await cluster.CreateDatabaseAsync(name);
        return new Dictionary<string, string>
        {
            ["Deliberation:Database:Provider"] = "PostgreSql",
            ["Deliberation:Database:ConnectionString"] = cluster.ConnectionString(name),
        };
    }
}
