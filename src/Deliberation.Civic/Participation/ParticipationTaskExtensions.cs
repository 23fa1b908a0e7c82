namespace Deliberation.Civic.Participation;

/// <summary>Rules about a task's state.</summary>
public static class ParticipationTaskExtensions
{
    /// <summary>Whether answers can no longer change: the task was closed, or its deadline has passed.</summary>
    public static bool IsClosedAt(this ParticipationTask task, DateTimeOffset now) =>
        task.ClosedAt is not null || (task.ClosesAt is { } closes && now >= closes);
}
