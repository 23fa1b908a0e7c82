using Deliberation.Civic.Elections;
using Deliberation.Civic.Escalations;
using Deliberation.Civic.Implementation;
using Deliberation.Civic.Meetings;
using Deliberation.Civic.Minutes;
using Deliberation.Civic.Participation;
using Deliberation.Civic.Reporting;
using Deliberation.Engine.Activities;
using Deliberation.Integrations.Files;
using Deliberation.Persistence;

namespace Deliberation.Host.Hosting;

/// <summary>Registers step 5, implementation (推动落实), and the shared escalations.</summary>
public static class ImplementationSetup
{
    /// <summary>
    /// Adds <see cref="EscalationStore"/>, <see cref="ActionItemStore"/>, <see cref="PartyReports"/>, <see cref="FollowUpStore"/>, the dashboard's <see cref="MonthOverviews"/> and <see cref="MonthlyRatesReader"/>, the answer handlers of
    /// progress reports and the follow-up (which <see cref="TaskStore"/> calls), progress photos under
    /// <c>{DataPath}/photos</c>, and the step-5 activities (the activity registry picks them up).
    /// </summary>
    public static IServiceCollection AddImplementation(this IServiceCollection services, ResolvedPaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        services.AddSingleton<EscalationStore>();
        services.AddSingleton(new ActionItemPhotos(new FolderFileStore(Path.Combine(paths.Data, ComplaintsSetup.PhotoFolderName))));
        services.AddSingleton<ActionItemStore>();
        services.AddSingleton<PartyReports>();
        services.AddSingleton<FollowUpStore>();
        services.AddSingleton<MonthOverviews>();
        services.AddSingleton<MonthlyRatesReader>();
        services.AddSingleton<FollowUpResults>();
        services.AddSingleton<ITaskAnswerHandler, ProgressAnswerHandler>();
        services.AddSingleton<ITaskAnswerHandler, FollowUpAnswerHandler>();
        services.AddSingleton<Activity, AssignActionItemsActivity>();
        services.AddSingleton<Activity, RemindActionItemActivity>();
        services.AddSingleton<Activity, EscalateOverdueActionItemActivity>();
        services.AddSingleton<Activity, StartFollowUpActivity>();
        services.AddSingleton<Activity, CloseCaseActivity>();
        services.AddSingleton<Activity, RaiseEscalationActivity>();
        return services;
    }
}
