using System.Text.Json.Nodes;

namespace Deliberation.Engine.Activities;

/// <summary>What resumed a suspended activity: which of its bookmarks, and the stimulus payload.</summary>
/// <param name="BookmarkId">The consumed bookmark.</param>
/// <param name="Tag">The tag the activity gave the bookmark.</param>
/// <param name="Payload">The signal payload; null for timers.</param>
public sealed record ResumeContext(Guid BookmarkId, string Tag, JsonNode? Payload);
