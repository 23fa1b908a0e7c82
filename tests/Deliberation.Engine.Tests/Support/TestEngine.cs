using System.Text.Json.Nodes;
using Deliberation.Engine.Activities;
using Deliberation.Engine.Activities.BuiltIn;
using Deliberation.Engine.Definitions;
using Deliberation.Engine.Expressions;
using Deliberation.Engine.Runtime;
using Deliberation.Engine.Storage;
using Deliberation.Engine.Validation;
using Deliberation.Integrations.Scripting;
using Deliberation.Integrations.Timers;
using Deliberation.Persistence;
using Deliberation.Persistence.Entities;
using Deliberation.Persistence.Sql;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Deliberation.Engine.Tests.Support;

/// <summary>
/// The whole engine over a real SQLite file in a temporary folder, with a fake clock: the same
/// objects the host wires together, minus the web and Hangfire. Dispose deletes the folder.
/// </summary>
public sealed class TestEngine : IAsyncDisposable
{
    /// <summary>The fake clock's start: a whole millisecond, as the database stores times.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);

    private readonly string _folder;
    private readonly string _connectionString;

    private TestEngine(string folder, string connectionString, DateTimeOffset start, IEnumerable<Activity>? extraActivities)
    {
        _folder = folder;
        _connectionString = connectionString;
        TemplatesFolder = Path.Combine(folder, "templates");
        Directory.CreateDirectory(TemplatesFolder);
        Time = new FakeTimeProvider(start);
        Database = new DeliberationDatabase(new DatabaseOptions { Provider = "Sqlite", ConnectionString = connectionString });
        var scripts = new ScribanScriptEvaluator();
        var registry = new ActivityRegistry(BuiltInActivities.Create(scripts, new FileTemplateRenderer(TemplatesFolder)).Concat(extraActivities ?? []));
        Validator = new DefinitionValidator(registry, scripts);
        DefinitionStore = new EfDefinitionStore(Database);
        Definitions = new DefinitionService(DefinitionStore, Validator, registry, Time);
        Store = new SqlWorkflowStore(Database.Pool, Database.OutboxSignal);
        Runtime = new WorkflowRuntime(Store, Definitions, new ExpressionEvaluator(scripts), Time);
        Pump = new TimerPump(Store, Runtime, Time, new TimerOptions(), NullLogger<TimerPump>.Instance);
        Queries = new InstanceQueries(Database);
    }

    /// <summary>The fake clock every component reads.</summary>
    public FakeTimeProvider Time { get; }

    /// <summary>The database.</summary>
    public DeliberationDatabase Database { get; }

    /// <summary>The folder <c>RenderTemplate</c> reads from.</summary>
    public string TemplatesFolder { get; }

    /// <summary>The validator.</summary>
    public DefinitionValidator Validator { get; }

    /// <summary>Definition versions as stored.</summary>
    public IDefinitionStore DefinitionStore { get; }

    /// <summary>Saves and publishes definitions.</summary>
    public DefinitionService Definitions { get; }

    /// <summary>The hot-path store.</summary>
    public SqlWorkflowStore Store { get; }

    /// <summary>The public engine API.</summary>
    public WorkflowRuntime Runtime { get; }

    /// <summary>Fires due timers.</summary>
    public TimerPump Pump { get; }

    /// <summary>Read-side queries (journal, outbox, timers, incidents).</summary>
    public InstanceQueries Queries { get; }

    /// <summary>Creates a migrated database in a new temporary folder; <paramref name="extraActivities"/> join the built-in ones.</summary>
    public static async Task<TestEngine> CreateAsync(DateTimeOffset? start = null, IEnumerable<Activity>? extraActivities = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "deliberation-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var engine = new TestEngine(folder, $"Data Source={Path.Combine(folder, "engine.db")}", start ?? DefaultStart, extraActivities);
        try
        {
            await engine.Database.MigrateAsync(CancellationToken.None);
            return engine;
        }
        catch
        {
            await engine.DisposeAsync();
            throw;
        }
    }

    /// <summary>Saves a definition as a draft and publishes it.</summary>
    public async Task<DefinitionVersion> PublishAsync(string json)
    {
        var draft = await Definitions.SaveDraftAsync(json, null, CancellationToken.None);
        return await Definitions.PublishAsync(draft.DefinitionId, draft.Version, draft.ETag, CancellationToken.None);
    }

    /// <summary>Publishes a definition and starts an instance of it.</summary>
    public async Task<StepReport> PublishAndStartAsync(string json, JsonObject? input = null)
    {
        var published = await PublishAsync(json);
        return await StartAsync(published.DefinitionId, input);
    }

    /// <summary>Starts an instance of the newest (or the given) published version.</summary>
    public Task<StepReport> StartAsync(string definitionId, JsonObject? input = null, int? version = null) =>
        Runtime.StartAsync(new StartRequest(definitionId, version, input, null, null), CancellationToken.None);

    /// <summary>Sends a signal without an idempotency key.</summary>
    public Task<StepReport> SignalAsync(Guid instanceId, string signal, JsonNode? payload = null) =>
        Runtime.SignalAsync(instanceId, signal, payload, null, CancellationToken.None);

    /// <summary>Moves the clock on and fires every timer due by then; returns how many were claimed.</summary>
    public async Task<int> AdvanceAsync(TimeSpan by)
    {
        Time.Advance(by);
        return await Pump.FireAllDueAsync(CancellationToken.None);
    }

    /// <summary>The instance as stored (status, variables, outputs).</summary>
    public async Task<WorkflowInstance> InstanceAsync(Guid instanceId) =>
        await Store.GetInstanceAsync(instanceId, CancellationToken.None)
        ?? throw new InvalidOperationException($"Instance {instanceId} is not stored.");

    /// <summary>The instance's journal in order.</summary>
    public Task<IReadOnlyList<JournalRow>> JournalAsync(Guid instanceId) =>
        Queries.JournalAsync(instanceId, 0, 10_000, CancellationToken.None);

    /// <summary>The instance's outbox messages, oldest first.</summary>
    public Task<IReadOnlyList<OutboxRow>> OutboxAsync(Guid instanceId) =>
        Queries.OutboxAsync(instanceId, CancellationToken.None);

    /// <summary>The instance's pending timers.</summary>
    public Task<IReadOnlyList<TimerRow>> TimersAsync(Guid instanceId) =>
        Queries.TimersAsync(instanceId, CancellationToken.None);

    /// <summary>The instance's incidents, resolved ones too when asked.</summary>
    public Task<IReadOnlyList<IncidentRow>> IncidentsAsync(Guid instanceId, bool includeResolved = false) =>
        Queries.IncidentsAsync(instanceId, includeResolved, CancellationToken.None);

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        Database.Dispose();
        // Microsoft.Data.Sqlite keeps closed connections in its own pool; release this file's.
        using (var connection = new SqliteConnection(_connectionString)) SqliteConnection.ClearPool(connection);
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder must not fail a test.
        }
        return ValueTask.CompletedTask;
    }
}
