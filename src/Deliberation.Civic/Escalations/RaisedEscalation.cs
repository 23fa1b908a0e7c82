
namespace Deliberation.Civic.Escalations;

/// <summary>The result of raising an escalation.</summary>
/// <param name="Escalation">The escalation: the new one, or the one raised before for the same kind and thing.</param>
/// <param name="IsNew">False when the same kind was raised for the same <see cref="Escalation.RelatedId"/> before: nothing was written or sent.</param>
public sealed record RaisedEscalation(Escalation Escalation, bool IsNew);
