namespace Deliberation.Civic.Participation;

/// <summary>A task with the answer that counts and every answer given, oldest first.</summary>
/// <param name="Task">The task.</param>
/// <param name="Current">The answer that counts, if any.</param>
/// <param name="History">Every answer, oldest first (the current one last).</param>
public sealed record TaskSnapshot(ParticipationTask Task, TaskAnswer? Current, IReadOnlyList<TaskAnswer> History);
