using System.Text.Json.Nodes;

namespace Deliberation.Engine.Expressions;

/// <summary>
/// What a script can see: <c>input</c>, <c>vars</c>, <c>output</c> (by activity id), <c>item</c>
/// and <c>index</c> inside a ForEach branch, and <c>instance</c> (id, correlation id, definition id).
/// Values are JSON only, so scripts never reach .NET objects.
/// </summary>
public sealed record ScriptModel(
    IReadOnlyDictionary<string, JsonNode?> Input,
    IReadOnlyDictionary<string, JsonNode?> Variables,
    IReadOnlyDictionary<string, JsonNode?> Outputs,
    JsonNode? Item,
    int? Index,
    IReadOnlyDictionary<string, string?> Instance);
