namespace Deliberation.Civic.Issues;

/// <summary>Staff's choice of an advisor when launching: the kind, and the person (null: nobody of that kind for now).</summary>
/// <param name="Kind">The advisor kind, e.g. <c>accountant</c>.</param>
/// <param name="PersonId">A person of the roster with that role, or null.</param>
public sealed record AdvisorChoice(string? Kind, Guid? PersonId);
