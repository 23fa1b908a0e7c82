namespace Deliberation.Civic.Issues;

/// <summary>An advisor launching seated on the case's panel.</summary>
/// <param name="Kind">The advisor kind, e.g. <c>lawyer</c>.</param>
/// <param name="PersonId">The person.</param>
/// <param name="Name">Their name.</param>
public sealed record SeatedAdvisor(string Kind, Guid PersonId, string Name);
