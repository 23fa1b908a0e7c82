using Deliberation.Civic.Links;

namespace Deliberation.Civic.Participation;

/// <summary>What opening a link found. <see cref="Task"/> and <see cref="Current"/> are set only for a valid link.</summary>
/// <param name="Verification">The verdict on the link.</param>
/// <param name="Task">The task, for a valid link.</param>
/// <param name="Current">The answer that counts, for a valid link.</param>
public sealed record OpenedLink(LinkVerification Verification, ParticipationTask? Task, TaskAnswer? Current);
