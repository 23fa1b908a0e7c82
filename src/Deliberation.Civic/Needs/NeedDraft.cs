namespace Deliberation.Civic.Needs;

/// <summary>A need as staff typed it, before it is checked.</summary>
/// <param name="Title">What is needed.</param>
/// <param name="Description">More about it, or null.</param>
/// <param name="Kind">A kind code (<see cref="NeedKinds"/>).</param>
/// <param name="RequesterPersonId">The resident who asked (a person of the roster), or null.</param>
/// <param name="DueAt">When it must be done by, or null (it is then due a while after it is claimed).</param>
public sealed record NeedDraft(string? Title, string? Description, string? Kind, Guid? RequesterPersonId, DateTimeOffset? DueAt);
