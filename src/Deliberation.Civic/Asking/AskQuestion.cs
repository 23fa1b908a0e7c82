using Deliberation.Civic.Participation;

namespace Deliberation.Civic.Asking;

/// <summary>A question as its emails tell it.</summary>
/// <param name="Title">The question.</param>
/// <param name="Text">The details, if any.</param>
/// <param name="Kind">The form, one of <see cref="AskFormKinds.All"/>.</param>
/// <param name="Options">The options offered; empty for a written answer.</param>
/// <param name="ClosesAt">The deadline; null for none.</param>
public sealed record AskQuestion(string Title, string? Text, string Kind, IReadOnlyList<TaskOption> Options, DateTimeOffset? ClosesAt);
