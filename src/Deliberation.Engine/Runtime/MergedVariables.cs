using System.Collections;
using System.Text.Json.Nodes;

namespace Deliberation.Engine.Runtime;

/// <summary>Variables as an executing activity sees them: its own pending writes over the instance's.</summary>
internal sealed class MergedVariables(Dictionary<string, JsonNode?> committed, Dictionary<string, JsonNode?> pending)
    : IReadOnlyDictionary<string, JsonNode?>
{
    public JsonNode? this[string key] => TryGetValue(key, out var v) ? v : throw new KeyNotFoundException(key);
    public IEnumerable<string> Keys => committed.Keys.Union(pending.Keys);
    public IEnumerable<JsonNode?> Values => Keys.Select(k => this[k]);
    public int Count => Keys.Count();
    public bool ContainsKey(string key) => pending.ContainsKey(key) || committed.ContainsKey(key);
    public bool TryGetValue(string key, out JsonNode? value) => pending.TryGetValue(key, out value) || committed.TryGetValue(key, out value);
    public IEnumerator<KeyValuePair<string, JsonNode?>> GetEnumerator() => Keys.Select(k => KeyValuePair.Create(k, this[k])).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
