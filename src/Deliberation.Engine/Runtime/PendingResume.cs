using System.Text.Json.Nodes;

namespace Deliberation.Engine.Runtime;

/// <summary>A resume that faulted, kept so that retrying the incident repeats it.</summary>
public sealed record PendingResume(Guid BookmarkId, string Tag, JsonNode? Payload);
