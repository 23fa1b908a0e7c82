namespace Deliberation.Engine.Runtime;

/// <summary>How a refused request should be answered.</summary>
public enum WorkflowErrorKind
{
    /// <summary>404.</summary>
    NotFound,
    /// <summary>409: the request does not fit the current state.</summary>
    Conflict,
    /// <summary>400: the request itself is wrong.</summary>
    Invalid,
    /// <summary>422: an idempotency key reused for a different request.</summary>
    IdempotencyMismatch,
    /// <summary>403: the caller may see the thing but not change it.</summary>
    Forbidden,
}
