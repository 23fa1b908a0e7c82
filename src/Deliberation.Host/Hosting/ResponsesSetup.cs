using Deliberation.Civic.Participation;
using Deliberation.Civic.Responses;
using Deliberation.Engine.Activities;

namespace Deliberation.Host.Hosting;

/// <summary>Registers the matters to respond to within a deadline (限时响应).</summary>
public static class ResponsesSetup
{
    /// <summary>Adds <see cref="ResponseStore"/>, the answer handler of its tasks (which <see cref="TaskStore"/> calls) and the <c>RespondWithin</c> activity.</summary>
    public static IServiceCollection AddResponses(this IServiceCollection services)
    {
        services.AddSingleton<ResponseStore>();
        services.AddSingleton<ITaskAnswerHandler, RespondAnswerHandler>();
        services.AddSingleton<Activity, RespondWithinActivity>();
        return services;
    }
}
