namespace Deliberation.Engine.Storage;

/// <summary>The kinds of journal entries.</summary>
public static class JournalKinds
{
#pragma warning disable CS1591 // the names say it
    public const string InstanceStarted = "InstanceStarted";
    public const string InstanceFinished = "InstanceFinished";
    public const string InstanceCancelled = "InstanceCancelled";
    public const string StimulusReceived = "StimulusReceived";
    public const string ActivityStarted = "ActivityStarted";
    public const string ActivityCompleted = "ActivityCompleted";
    public const string ActivitySuspended = "ActivitySuspended";
    public const string ActivityFaulted = "ActivityFaulted";
    public const string ActivityCancelled = "ActivityCancelled";
    public const string JoinWaiting = "JoinWaiting";
    public const string IncidentRetried = "IncidentRetried";
    public const string SignalDropped = "SignalDropped";
#pragma warning restore CS1591
}
