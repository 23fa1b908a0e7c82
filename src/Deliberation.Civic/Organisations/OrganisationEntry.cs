namespace Deliberation.Civic.Organisations;

/// <summary>An organisation with its contacts, in the order staff listed them (<see cref="OrganisationContact.Position"/>).</summary>
/// <param name="Organisation">The organisation.</param>
/// <param name="Contacts">Its contacts in order.</param>
public sealed record OrganisationEntry(Organisation Organisation, IReadOnlyList<OrganisationContact> Contacts);
