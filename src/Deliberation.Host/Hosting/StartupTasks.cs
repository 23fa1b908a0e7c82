using Deliberation.Engine.Definitions;
using Deliberation.Engine.Messaging;
using Deliberation.Persistence;

namespace Deliberation.Host.Hosting;

/// <summary>
/// Runs before anything else starts: migrates the database, reads the keys the hosts on it share, releases leases a
/// killed process left (single-host SQLite only), and imports the workflow files. The timer pump and the outbox wait
/// until the host has started, when the server has bound its port: a link they mail carries the address it listens on.
/// </summary>
public sealed class StartupTasks(
    DeliberationDatabase database, DatabaseSecrets databaseSecrets, SharedSecrets secrets, IOutboxStore outbox, DefinitionService definitions, ResolvedPaths paths,
    Microsoft.Extensions.Options.IOptions<DeliberationOptions> options, Deliberation.Integrations.Timers.StartupGate gate,
    IHostApplicationLifetime lifetime, ILogger<StartupTasks> logger) : IHostedService
{
    /// <inheritdoc/>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(paths.Data);
        // Hosts starting together on one empty PostgreSQL database take turns: the first migrates and imports, the others
        // then find nothing left to do (EF's own migration lock does not keep two migrators apart there).
        await using (await databaseSecrets.LockStartupAsync(cancellationToken)) await database.MigrateAsync(cancellationToken);
        await secrets.LoadAsync(cancellationToken);
        if (!database.IsPostgres) await outbox.ReleaseLeasesAsync(cancellationToken);
        if (options.Value.ImportWorkflowsOnStart)
            await using (await databaseSecrets.LockStartupAsync(cancellationToken)) await ImportWorkflowsAsync(cancellationToken);
        lifetime.ApplicationStarted.Register(gate.Open);
    }

    private async Task ImportWorkflowsAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(paths.Workflows))
        {
            logger.LogWarning("The workflows folder {Folder} does not exist; nothing imported.", paths.Workflows);
            return;
        }
        foreach (var file in Directory.EnumerateFiles(paths.Workflows, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            var result = await definitions.ImportFileAsync(name, await File.ReadAllTextAsync(file, cancellationToken), cancellationToken);
            switch (result.Outcome)
            {
                case ImportOutcome.Imported:
                    logger.LogInformation("Imported {File} as {Definition} version {Version}.", name, result.Version!.DefinitionId, result.Version.Version);
                    break;
                case ImportOutcome.Unchanged:
                    logger.LogDebug("{File} is unchanged.", name);
                    break;
                case ImportOutcome.SkippedNewerPublished:
                    logger.LogWarning("Skipped {File}: {Definition} version {Version} was published from the API after the file was last imported; the file does not overwrite it.",
                        name, result.Version?.DefinitionId, result.Version?.Version);
                    break;
                case ImportOutcome.Invalid:
                    logger.LogError("Skipped {File}: it is not a valid definition: {Problems}", name,
                        string.Join("; ", result.Problems.Select(p => $"{p.Path}: {p.Message}")));
                    break;
            }
        }
    }

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
