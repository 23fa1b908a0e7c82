using Deliberation.Civic.Data;
using Deliberation.Civic.Notices;
using Deliberation.Civic.Paper;
using Deliberation.Civic.Participation;
using Deliberation.Civic.ShortLinks;
using Deliberation.Host.Pages;
using Deliberation.Integrations.Files;

namespace Deliberation.Host.Hosting;

/// <summary>Registers the notices for the wall (with their comment limit) and paper answers.</summary>
public static class NoticesSetup
{
    /// <summary>Adds <see cref="ShortLinkStore"/>, <see cref="ShortLinkLimit"/>, <see cref="NoticeStore"/>, <see cref="PaperBallots"/> (photos of sheets in the photo folder) and <see cref="NoticeCommentLimit"/>.</summary>
    public static IServiceCollection AddNotices(this IServiceCollection services, ResolvedPaths paths)
    {
        services.AddSingleton<ShortLinkStore>();
        services.AddSingleton<BuildingChatMessages>();
        services.AddSingleton<NoticeStore>();
        services.AddSingleton(sp => new PaperBallots(sp.GetRequiredService<ICivicDatabase>(), sp.GetRequiredService<TaskStore>(), sp.GetRequiredService<ShortLinkStore>(),
            new FolderFileStore(Path.Combine(paths.Data, ComplaintsSetup.PhotoFolderName)), sp.GetRequiredService<TimeProvider>()));
        services.AddOptions<NoticeCommentLimitOptions>().BindConfiguration(NoticeCommentLimitOptions.SectionName)
            .Validate(o => o.CommentsPerHour > 0, "Deliberation:Notices:CommentsPerHour must be positive.")
            .ValidateOnStart();
        services.AddRateLimiter(limiter => limiter.AddPolicy<string, NoticeCommentLimit>(NoticeCommentLimit.PolicyName));
        services.AddOptions<ShortLinkLimitOptions>().BindConfiguration(ShortLinkLimitOptions.SectionName)
            .Validate(o => o.LookupsPerMinute > 0, "Deliberation:ShortLinks:LookupsPerMinute must be positive.")
            .ValidateOnStart();
        services.AddRateLimiter(limiter => limiter.AddPolicy<string, ShortLinkLimit>(ShortLinkLimit.PolicyName));
        return services;
    }
}
