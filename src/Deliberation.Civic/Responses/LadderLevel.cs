namespace Deliberation.Civic.Responses;

/// <summary>A level of the ladder as resolved when the matter starts: its code and the people asked there.</summary>
/// <param name="Code">One of <see cref="ResponseLevels.All"/>.</param>
/// <param name="People">The people sent a task at this level; empty only for the street level, whose escalation contacts are emailed instead.</param>
public sealed record LadderLevel(string Code, IReadOnlyList<Guid> People);
