namespace Deliberation.Engine.Storage;

/// <summary>
/// A side effect to deliver after the step commits (an email, for instance), written in the same
/// transaction as the step.
/// </summary>
/// <param name="Id">Message id; also the basis of the email's Message-ID.</param>
/// <param name="InstanceId">The instance whose step produced it.</param>
/// <param name="Kind">The deliverer that handles it, e.g. <c>email</c>.</param>
/// <param name="Payload">JSON the deliverer understands.</param>
/// <param name="CreatedAt">When the step ran.</param>
public sealed record OutboxMessage(Guid Id, Guid? InstanceId, string Kind, string Payload, DateTimeOffset CreatedAt);
