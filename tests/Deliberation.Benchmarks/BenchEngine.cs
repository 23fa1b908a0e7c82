using Deliberation.Engine.Activities;
using Deliberation.Engine.Activities.BuiltIn;
using Deliberation.Engine.Definitions;
using Deliberation.Engine.Expressions;
using Deliberation.Engine.Runtime;
using Deliberation.Engine.Storage;
using Deliberation.Engine.Validation;
using Deliberation.Integrations.Scripting;
using Deliberation.Persistence;
using Deliberation.Persistence.Sql;

/// <summary>
/// The real engine over a database, wired as the host wires it (built-in activities, the SQL store, the EF
/// definition store, <see cref="TimeProvider.System"/>), for benchmarks that run it in their own process.
/// </summary>
internal sealed class BenchEngine : IDisposable
{
    private BenchEngine(DeliberationDatabase database, DefinitionService definitions, WorkflowRuntime runtime)
    {
        Database = database;
        Definitions = definitions;
        Runtime = runtime;
    }

    public DeliberationDatabase Database { get; }

    public DefinitionService Definitions { get; }

    public WorkflowRuntime Runtime { get; }

    /// <summary>Opens (and migrates) the database; <paramref name="wrapStore"/> may wrap the store, e.g. to time it.</summary>
    public static async Task<BenchEngine> OpenAsync(DatabaseOptions options, string folder, CancellationToken ct, Func<SqlWorkflowStore, IWorkflowStore>? wrapStore = null)
    {
        var database = new DeliberationDatabase(options);
        await database.MigrateAsync(ct);
        var scripts = new ScribanScriptEvaluator();
        var registry = new ActivityRegistry(BuiltInActivities.Create(scripts, new FileTemplateRenderer(folder)));
        var definitions = new DefinitionService(new EfDefinitionStore(database), new DefinitionValidator(registry, scripts), registry, TimeProvider.System);
        var store = new SqlWorkflowStore(database.Pool);
        var runtime = new WorkflowRuntime(wrapStore is null ? store : wrapStore(store), definitions, new ExpressionEvaluator(scripts), TimeProvider.System);
        return new BenchEngine(database, definitions, runtime);
    }

    /// <summary>Saves and publishes a definition; returns the published version.</summary>
    public async Task<int> PublishAsync(string json, CancellationToken ct)
    {
        var draft = await Definitions.SaveDraftAsync(json, null, ct);
        return (await Definitions.PublishAsync(draft.DefinitionId, draft.Version, null, ct)).Version;
    }

    /// <summary>Starts one instance and checks that it suspended.</summary>
    public async Task<Guid> StartSuspendedAsync(string definitionId, int version, string correlationId, CancellationToken ct)
    {
        var report = await Runtime.StartAsync(new StartRequest(definitionId, version, null, correlationId, null), ct);
        if (report.Status != InstanceStatus.Suspended) throw new InvalidOperationException($"A new instance is {report.Status}, not Suspended.");
        return report.InstanceId;
    }

    public void Dispose() => Database.Dispose();
}
