using Deliberation.Civic.Elections;
using Deliberation.Civic.Escalations;
using Deliberation.Civic.Implementation;
using Deliberation.Civic.Meetings;
using Deliberation.Civic.Minutes;
using Deliberation.Civic.Participation;
using Deliberation.Engine.Activities;
using Deliberation.Persistence;
using Microsoft.Extensions.Options;

namespace Deliberation.Host.Hosting;

/// <summary>Registers step 2, identifying stakeholders: the stores, <see cref="ElectionOptions"/> and the step's activities.</summary>
public static class StakeholdersSetup
{
    /// <summary>
    /// Adds <see cref="StakeholderStore"/>, <see cref="ElectionStore"/> with the handler of nominations by link, validated <see cref="ElectionOptions"/> and the
    /// 烦事有计倾 activities of step 2 (the activity registry picks them up).
    /// </summary>
    public static IServiceCollection AddStakeholders(this IServiceCollection services)
    {
        services.AddOptions<ElectionOptions>().BindConfiguration(ElectionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ElectionOptions>>().Value);
        services.AddSingleton<StakeholderStore>();
        services.AddSingleton<CaseLedger>();
        services.AddSingleton<ElectionStore>();
        services.AddSingleton<ITaskAnswerHandler, NominationAnswerHandler>();
        services.AddSingleton<Activity, IdentifyStakeholdersActivity>();
        services.AddSingleton<Activity, OpenElectionActivity>();
        services.AddSingleton<Activity, CloseNominationsActivity>();
        services.AddSingleton<Activity, RemindVotersActivity>();
        services.AddSingleton<Activity, CountVotesActivity>();
        return services;
    }
}
