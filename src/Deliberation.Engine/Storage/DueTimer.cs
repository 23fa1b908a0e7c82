namespace Deliberation.Engine.Storage;

/// <summary>A timer claimed by the pump.</summary>
public sealed record DueTimer(Guid BookmarkId, Guid InstanceId, DateTimeOffset DueAt);
