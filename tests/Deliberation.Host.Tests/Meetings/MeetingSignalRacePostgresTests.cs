namespace Deliberation.Host.Tests.Meetings;

/// <summary><see cref="MeetingSignalRaceTests"/> on PostgreSQL.</summary>
[Trait("Category", "Deliberation")]
public sealed class MeetingSignalRacePostgresTests(PostgresCluster cluster) : MeetingSignalRaceTests, IClassFixture<PostgresCluster>
{
    protected override async Task<IReadOnlyDictionary<string, string>> DatabaseSettingsAsync(string run)
    {
        var name = "deliberation_signal_race_" + run;
        await cluster.CreateDatabaseAsync(name);
        return new Dictionary<string, string>
        {
            ["Deliberation:Database:Provider"] = "PostgreSql",
            ["Deliberation:Database:ConnectionString"] = cluster.ConnectionString(name),
        };
    }
}
