namespace Deliberation.Civic.Links;

/// <summary>What a signed link says: who may use it, for which task and purpose, until when.</summary>
/// <param name="TaskId">The task the link answers.</param>
/// <param name="PersonId">The person the link was sent to.</param>
/// <param name="Purpose">The task's purpose when the link was made (<c>ballot</c>, <c>rsvp</c>…).</param>
/// <param name="ExpiresAt">After this instant the link is refused; whole seconds (the token carries Unix seconds).</param>
/// <param name="LinkVersion">The task's link version when the link was made; reissuing raises it and retires older links.</param>
public sealed record LinkClaims(Guid TaskId, Guid PersonId, string Purpose, DateTimeOffset ExpiresAt, int LinkVersion);
