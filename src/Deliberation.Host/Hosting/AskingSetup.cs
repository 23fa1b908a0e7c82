using Deliberation.Civic.Asking;
using Deliberation.Civic.Notifying;
using Deliberation.Civic.Participation;
using Deliberation.Engine.Activities;

namespace Deliberation.Host.Hosting;

/// <summary>Registers the generic participation activities: 征询参与者 and 通知.</summary>
public static class AskingSetup
{
    /// <summary>
    /// Adds <see cref="AskParticipantsActivity"/> and <see cref="NotifyActivity"/> (the activity registry picks them up) and the
    /// answer handler of their questions (which <see cref="TaskStore"/> calls). Needs <see cref="MeetingsSetup.AddMeetings"/>
    /// for the minutes archive 通知 attaches from.
    /// </summary>
    public static IServiceCollection AddAsking(this IServiceCollection services)
    {
        services.AddSingleton<ITaskAnswerHandler, AskAnswerHandler>();
        services.AddSingleton<Activity, AskParticipantsActivity>();
        services.AddSingleton<Activity, NotifyActivity>();
        return services;
    }
}
