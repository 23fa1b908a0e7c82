namespace Deliberation.Civic.Participation;

/// <summary>An open task of a resident without email, for the building head (or staff) to answer on their behalf.</summary>
/// <param name="Task">The task: its question and form.</param>
/// <param name="PersonName">Whose it is.</param>
/// <param name="Building">Their building (with its compound), if any.</param>
/// <param name="Unit">Their entrance and unit, if any.</param>
/// <param name="Answered">Whether it has a current answer (it can still change until the task closes).</param>
public sealed record ProxyTask(ParticipationTask Task, string PersonName, string? Building, string? Unit, bool Answered)
{
    /// <summary>Their household, if any: the number printed on its paper sheet.</summary>
    public Guid? HouseholdId { get; init; }
}
