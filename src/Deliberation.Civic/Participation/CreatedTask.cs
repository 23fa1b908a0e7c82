namespace Deliberation.Civic.Participation;

/// <summary>A new task and the link to send its person.</summary>
/// <param name="Task">The task as stored.</param>
/// <param name="Link">The full answer-page link.</param>
public sealed record CreatedTask(ParticipationTask Task, string Link);
