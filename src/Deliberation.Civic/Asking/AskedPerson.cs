namespace Deliberation.Civic.Asking;

/// <summary>One person asked, and the answer that counts (null while they have not answered).</summary>
/// <param name="PersonId">The person.</param>
/// <param name="Answer">Their current answer as recorded (<c>{"choice":"yes"}</c>, <c>{"choices":[…]}</c>, <c>{"comment":"…"}</c>); null for none.</param>
/// <param name="Channel">How it came in: <c>link</c>, or <c>proxy</c> when a building head entered it; null for none.</param>
/// <param name="Photo">
/// The task and the answer of a current answer that came with a photo (a progress report with photo), by which staff fetch it
/// (<c>GET /api/communities/{community}/tasks/{taskId}/answers/{answerId}/photo</c>); null for none.
/// </param>
public sealed record AskedPerson(Guid PersonId, string? Answer, string? Channel, (Guid TaskId, Guid AnswerId)? Photo = null);
