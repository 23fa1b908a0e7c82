namespace Deliberation.Engine.Storage;

/// <summary>The first result of a request made with an idempotency key.</summary>
/// <param name="Key">The caller's key, prefixed with the operation.</param>
/// <param name="RequestHash">Hash of the request, to refuse the same key with a different request.</param>
/// <param name="InstanceId">The instance the request touched.</param>
/// <param name="Result">The first result, as JSON.</param>
/// <param name="CreatedAt">When it was first handled.</param>
public sealed record IdempotencyRecord(string Key, string RequestHash, Guid InstanceId, string Result, DateTimeOffset CreatedAt);
