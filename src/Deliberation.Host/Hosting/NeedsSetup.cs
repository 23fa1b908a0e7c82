using Deliberation.Civic.Data;
using Deliberation.Civic.Issues;
using Deliberation.Civic.Needs;
using Deliberation.Civic.Participation;
using Deliberation.Engine.Activities;
using Deliberation.Integrations.Files;
using Microsoft.Extensions.Options;

namespace Deliberation.Host.Hosting;

/// <summary>Registers the needs list (需求清单) and its 三单 step, Publish and claim.</summary>
public static class NeedsSetup
{
    /// <summary>
    /// Adds <see cref="NeedStore"/>, progress photos under <c>{DataPath}/photos</c>, the answer handlers of claims, the
    /// claimant's progress and the requester's confirmation (which <see cref="TaskStore"/> calls), and
    /// <see cref="PublishAndClaimActivity"/> and <see cref="ListNeedsActivity"/> (the activity registry picks them up).
    /// </summary>
    public static IServiceCollection AddNeeds(this IServiceCollection services, ResolvedPaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        services.AddSingleton(new NeedPhotos(new FolderFileStore(Path.Combine(paths.Data, ComplaintsSetup.PhotoFolderName))));
        services.AddSingleton<NeedStore>();
        services.AddSingleton<ITaskAnswerHandler, ClaimAnswerHandler>();
        services.AddSingleton<ITaskAnswerHandler, ClaimProgressAnswerHandler>();
        services.AddSingleton<ITaskAnswerHandler, ConfirmAnswerHandler>();
        services.AddSingleton<Activity, PublishAndClaimActivity>();
        services.AddSingleton<Activity>(sp => new ListNeedsActivity(sp.GetRequiredService<ICivicDatabase>(), sp.GetRequiredService<MattersCatalogue>(),
            sp.GetRequiredService<IOptions<RankingOptions>>().Value));
        return services;
    }
}
