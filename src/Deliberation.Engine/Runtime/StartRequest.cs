using System.Text.Json.Nodes;

namespace Deliberation.Engine.Runtime;

/// <summary>A request to start an instance.</summary>
/// <param name="DefinitionId">The definition.</param>
/// <param name="Version">A published version; the newest when null.</param>
/// <param name="Input">Workflow inputs by name.</param>
/// <param name="CorrelationId">An id from the caller's domain.</param>
/// <param name="IdempotencyKey">Repeating the request with this key returns the first result.</param>
/// <param name="ScopeId">The organisational unit (community) the instance belongs to.</param>
public sealed record StartRequest(string DefinitionId, int? Version, JsonObject? Input, string? CorrelationId, string? IdempotencyKey, Guid? ScopeId = null);
