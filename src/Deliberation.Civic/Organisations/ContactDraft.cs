namespace Deliberation.Civic.Organisations;

/// <summary>A contact of an <see cref="OrganisationDraft"/>.</summary>
/// <param name="Name">The person's name.</param>
/// <param name="Role">Their role, e.g. 主任.</param>
/// <param name="Email">Their email, or null.</param>
/// <param name="Phone">Their phone, or null.</param>
/// <param name="PersonId">The person on the roster, or null.</param>
/// <param name="IsRepresentative">Whether they represent the organisation.</param>
public sealed record ContactDraft(string? Name, string? Role, string? Email, string? Phone, Guid? PersonId, bool IsRepresentative);
