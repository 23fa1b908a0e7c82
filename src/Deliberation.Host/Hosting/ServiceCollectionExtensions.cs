using Deliberation.Civic.Communities;
using Deliberation.Civic.Data;
using Deliberation.Civic.Organisations;
using Deliberation.Civic.Roster;
using Deliberation.Engine.Activities;
using Deliberation.Engine.Activities.BuiltIn;
using Deliberation.Engine.Definitions;
using Deliberation.Engine.Expressions;
using Deliberation.Engine.Import;
using Deliberation.Engine.Messaging;
using Deliberation.Engine.Runtime;
using Deliberation.Engine.Storage;
using Deliberation.Engine.Validation;
using Deliberation.Host.Api;
using Deliberation.Host.Auth;
using Deliberation.Integrations.Mail;
using Deliberation.Integrations.Outbox;
using Deliberation.Integrations.Schedules;
using Deliberation.Integrations.Scripting;
using Deliberation.Integrations.Timers;
using Deliberation.Persistence;
using Deliberation.Persistence.CivicPort;
using Deliberation.Persistence.Sql;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Server;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Deliberation.Host.Hosting;

/// <summary>Registers the engine, persistence, integrations and Hangfire.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>Adds everything the host runs.</summary>
    public static WebApplicationBuilder AddDeliberation(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        var root = builder.Environment.ContentRootPath;

        services.AddOptions<DeliberationOptions>().BindConfiguration(DeliberationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var folders = configuration.GetSection(DeliberationOptions.SectionName).Get<DeliberationOptions>() ?? new DeliberationOptions();
        var paths = new ResolvedPaths(root, HostPaths.Resolve(root, folders.DataPath), HostPaths.Resolve(root, folders.WorkflowsPath));
        services.AddSingleton(paths);
        services.AddParticipation(configuration);
        services.AddComplaints(configuration, paths);
        services.AddStakeholders();
        services.AddMeetings(paths);
        Deliberation.Civic.Printing.ChineseFont.Configure(configuration[Deliberation.Civic.Printing.ChineseFont.ConfigurationKey]);
        services.AddImplementation(paths);
        services.AddResponses();
        services.AddNeeds(paths);
        services.AddAsking();
        services.AddReplies();
        services.AddNotices(paths);

        // Bound, completed and checked at start-up: a host with a misspelt setting does not start.
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName).PostConfigure(o =>
        {
            if (!o.IsPostgres && string.IsNullOrWhiteSpace(o.ConnectionString))
                o.ConnectionString = $"Data Source={Path.Combine(paths.Data, "deliberation.db")}";
        }).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value);
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton(sp => new DeliberationDatabase(sp.GetRequiredService<DatabaseOptions>(), sp.GetRequiredService<OutboxSignal>()));
        services.AddSingleton<ICivicDatabase, EfCivicDatabase>();
        services.AddSingleton<IStoreOutages, DatabaseOutages>();
        var database = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();

        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MailOptions>, MailOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<MailOptions>>().Value);
        services.AddOptions<TimerOptions>().BindConfiguration(TimerOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TimerOptions>, TimerOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<TimerOptions>>().Value);

        services.AddOptions<ScheduleOptions>().BindConfiguration(ScheduleOptions.SectionName).ValidateOnStart()
            .Validate(o => o.PollInterval >= TimeSpan.FromSeconds(1), $"{ScheduleOptions.SectionName}:PollInterval must be at least 1 second.");
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ScheduleOptions>>().Value);
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.SectionName).ValidateOnStart()
            .Validate(o => o.Lease >= TimeSpan.FromSeconds(5), $"{OutboxOptions.SectionName}:Lease must be at least 5 seconds.");
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<OutboxOptions>>().Value);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new SqlWorkflowStore(sp.GetRequiredService<DeliberationDatabase>().Pool, sp.GetRequiredService<OutboxSignal>()));
        services.AddSingleton<IWorkflowStore>(sp => sp.GetRequiredService<SqlWorkflowStore>());
        services.AddSingleton<IOutboxStore>(sp => sp.GetRequiredService<SqlWorkflowStore>());
        services.AddSingleton<IDefinitionStore, EfDefinitionStore>();
        services.AddSingleton<InstanceQueries>();
        services.AddSingleton<CommunityStore>();
        services.AddSingleton<RosterStore>();
        services.AddSingleton<OrganisationStore>();
        services.AddSingleton<IScriptEvaluator, ScribanScriptEvaluator>();
        services.AddSingleton<ITemplateRenderer>(sp => new FileTemplateRenderer(sp.GetRequiredService<ResolvedPaths>().Templates));
        services.AddSingleton(sp => new ActivityRegistry(
            BuiltInActivities.Create(sp.GetRequiredService<IScriptEvaluator>(), sp.GetRequiredService<ITemplateRenderer>())
                .Concat(sp.GetServices<Activity>())));
        services.AddSingleton<DefinitionValidator>();
        services.AddSingleton<ElsaFlowchartImporter>();
        services.AddSingleton<DefinitionService>();
        services.AddSingleton<ExpressionEvaluator>();
        services.AddSingleton<WorkflowRuntime>();
        services.AddSingleton<TimerPump>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton(sp => new PickupMailbox(HostPaths.Resolve(paths.Data, sp.GetRequiredService<MailOptions>().PickupPath)));
        services.AddSingleton<IOutboxDeliverer>(sp => new EmailDeliverer(sp.GetRequiredService<MailOptions>(), sp.GetRequiredService<PickupMailbox>().Folder));
        services.AddSingleton<StartupGate>();
        services.AddSingleton<TimerPumpProcess>();
        services.AddSingleton<OutboxProcess>();
        services.AddSingleton<IncidentAlerts>();
        services.AddSingleton<IncidentAlertProcess>();
        services.AddSingleton<ScheduledStarts>();
        services.AddSingleton<ScheduleProcess>();

        // Migrations and imports first: hosted services start in registration order, Hangfire's server after this.
        services.AddHostedService<StartupTasks>();
        services.AddDeliberationHangfire(configuration, database);

        services.AddDeliberationAuth(configuration);
        services.AddDeliberationAntiforgery();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddProblemDetails();
        services.AddExceptionHandler<WorkflowExceptionHandler>();
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Deliberation 社区议事 API";
            document.Info.Description = "Workflow host for community deliberation (烦事有计倾). Sign in with POST /api/auth/login; "
                + "send the bearer token as Authorization: Bearer …; errors are ProblemDetails with a code.";
            return Task.CompletedTask;
        }));
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Encoder = DefinitionJson.Options.Encoder;
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
        });
        return builder;
    }

    private static void AddDeliberationHangfire(this IServiceCollection services, ConfigurationManager configuration, DatabaseOptions database)
    {
        var storage = configuration["Deliberation:Hangfire:Storage"] ?? "InMemory";
        services.AddHangfire((provider, config) =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
            if (storage.Equals("PostgreSql", StringComparison.OrdinalIgnoreCase))
            {
                if (!database.IsPostgres) throw new OptionsValidationException("Deliberation:Hangfire:Storage", typeof(DatabaseOptions),
                    ["Hangfire's PostgreSql storage needs Deliberation:Database:Provider = PostgreSql."]);
                // Hangfire's tables are installed here, when its storage is first needed (its servers start at once), under the
                // hosts' start-up lock: Hangfire.PostgreSql's own installer, run by two hosts starting together on a new
                // database, failed one of them ("could not find tuple for constraint").
                HangfireSchema.Install(database.ConnectionString);
                config.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(database.ConnectionString),
                    new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = false, SchemaName = HangfireSchema.Name });
            }
            else
            {
                // Nothing to lose: timers and outbox live in our tables; the processes below read them.
                config.UseInMemoryStorage();
            }
        });
        // Job workers for Hangfire jobs, and our loops — the timer pump, the outbox, incident alerts and the scheduler — as Hangfire server processes.
        services.AddHangfireServer((_, options) =>
        {
            options.WorkerCount = 1;
            options.ServerName = $"deliberation:{Environment.MachineName}:{Environment.ProcessId}";
        });
        // Off for a web-only host, or for tests that drive the pump and the outbox by hand.
        if (!configuration.GetValue("Deliberation:BackgroundLoops", true)) return;
        services.AddHangfireServer(sp => new BackgroundProcessingServer(
            sp.GetRequiredService<JobStorage>(),
            [sp.GetRequiredService<TimerPumpProcess>().UseThreadPool(1), sp.GetRequiredService<OutboxProcess>().UseThreadPool(1),
                sp.GetRequiredService<IncidentAlertProcess>().UseThreadPool(1), sp.GetRequiredService<ScheduleProcess>().UseThreadPool(1)],
            new Dictionary<string, object> { ["Name"] = "timers+outbox+incident-alerts+schedules" },
            new BackgroundProcessingServerOptions()));
        // The replies mailbox, when one is configured: its own server, so a slow mail server never holds up the timers.
        if (configuration.GetSection(ImapOptions.SectionName).Get<ImapOptions>() is { Enabled: true })
        {
            services.AddHangfireServer(sp => new BackgroundProcessingServer(
                sp.GetRequiredService<JobStorage>(), [sp.GetRequiredService<ImapReplyProcess>().UseThreadPool(1)],
                new Dictionary<string, object> { ["Name"] = "replies-mailbox" }, new BackgroundProcessingServerOptions()));
        }
    }
}
