using Deliberation.Civic.Communities;
using Deliberation.Civic.Elections;
using Deliberation.Civic.Escalations;
using Deliberation.Civic.Implementation;
using Deliberation.Civic.Meetings;
using Deliberation.Civic.Minutes;
using Deliberation.Engine.Activities;
using Deliberation.Integrations.Files;
using Deliberation.Persistence;

namespace Deliberation.Host.Hosting;

/// <summary>Registers steps 3–4: meetings, votes and minutes, and their activities.</summary>
public static class MeetingsSetup
{
    /// <summary>
    /// Adds the meeting services (<see cref="MeetingPlanning"/>, <see cref="MeetingMode"/>, <see cref="MeetingVotes"/>), <see cref="StaffAlerts"/>, the minutes archive under <c>{data}/archive</c>,
    /// minutes confirmation (<see cref="MinutesConfirmation"/> and the answer handler of its links) and the activities of steps 3–4 (the activity registry picks them up).
    /// </summary>
    public static IServiceCollection AddMeetings(this IServiceCollection services, ResolvedPaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        services.AddSingleton<MeetingPlanning>();
        services.AddSingleton<MeetingMode>();
        services.AddSingleton<MeetingVotes>();
        services.AddSingleton<StaffAlerts>();
        services.AddSingleton<StaffNoticeStore>();
        services.AddSingleton(new MinutesArchive(new FolderFileStore(Path.Combine(paths.Data, "archive"))));
        services.AddSingleton<Activity, OpenTimePollActivity>();
        services.AddSingleton<Activity, ScheduleMeetingActivity>();
        services.AddSingleton<Activity, SendMeetingReminderActivity>();
        services.AddSingleton<Activity, CheckQuorumActivity>();
        services.AddSingleton<Activity, EvaluateRoundActivity>();
        services.AddSingleton<Activity, FileMinutesActivity>();
        services.AddSingleton<MinutesConfirmation>();
        services.AddSingleton<Deliberation.Civic.Participation.ITaskAnswerHandler, MinutesAnswerHandler>();
        services.AddSingleton<Activity, ConfirmMinutesActivity>();
        services.AddSingleton<Activity, EscalateRoundsActivity>();
        return services;
    }
}
