namespace Deliberation.Civic.Minutes;

/// <summary>The staff account making a change, as the record keeps it.</summary>
/// <param name="UserId">The account.</param>
/// <param name="Name">Its display name.</param>
public sealed record StaffActor(Guid UserId, string Name);
