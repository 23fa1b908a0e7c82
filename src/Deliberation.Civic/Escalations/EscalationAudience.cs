namespace Deliberation.Civic.Escalations;

/// <summary>
/// Whom an escalation's email goes to besides the community's committee staff, who are always told: the community's
/// escalation contacts (the street office), all of them or none, leaving out <paramref name="Except"/> (addresses that
/// were sent something better in the same step, e.g. a task with its own link).
/// </summary>
/// <param name="Contacts">Whether the escalation contacts are emailed.</param>
/// <param name="Except">Addresses not emailed, compared ignoring case.</param>
public sealed record EscalationAudience(bool Contacts, IReadOnlyCollection<string> Except)
{
    /// <summary>The escalation contacts and the staff: what every escalation does unless it says otherwise.</summary>
    public static EscalationAudience ContactsAndStaff { get; } = new(true, []);

    /// <summary>The committee staff only: the matter has not left the community yet.</summary>
    public static EscalationAudience StaffOnly { get; } = new(false, []);
}
