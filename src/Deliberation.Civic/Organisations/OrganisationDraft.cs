namespace Deliberation.Civic.Organisations;

/// <summary>An organisation as staff typed it, contacts included, before it is checked.</summary>
/// <param name="Name">The name.</param>
/// <param name="Kind">A kind code (<see cref="OrganisationKinds"/>).</param>
/// <param name="Notes">Notes, or null.</param>
/// <param name="Contacts">The contacts in order; null for none.</param>
public sealed record OrganisationDraft(string? Name, string? Kind, string? Notes, IReadOnlyList<ContactDraft?>? Contacts);
