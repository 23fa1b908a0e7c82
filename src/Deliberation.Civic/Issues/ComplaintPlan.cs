namespace Deliberation.Civic.Issues;

/// <summary>A checked complaint and its rows, ready to insert; or the problems that refuse it.</summary>
/// <param name="Problems">Empty when the complaint is valid.</param>
/// <param name="Complaint">The complaint (null with problems).</param>
/// <param name="Scopes">Its affected building groups and households.</param>
/// <param name="Reporters">Its named reporters.</param>
public sealed record ComplaintPlan(IReadOnlyList<ComplaintProblem> Problems, Complaint? Complaint, IReadOnlyList<ComplaintScope> Scopes,
    IReadOnlyList<ComplaintReporter> Reporters)
{
    /// <summary>Whether the complaint may be inserted.</summary>
    public bool IsValid => Problems.Count == 0;
}
