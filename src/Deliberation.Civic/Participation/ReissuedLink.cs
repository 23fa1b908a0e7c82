namespace Deliberation.Civic.Participation;

/// <summary>A task's new link, and whether it was queued for email to the person.</summary>
/// <param name="Link">The full answer-page link; every earlier link of the task is refused from now on.</param>
/// <param name="Emailed">True when an email with the link was queued in the outbox; false when the person has no (valid) email address.</param>
public sealed record ReissuedLink(string Link, bool Emailed);
