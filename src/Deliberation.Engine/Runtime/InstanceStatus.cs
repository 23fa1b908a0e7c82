namespace Deliberation.Engine.Runtime;

/// <summary>Where an instance stands.</summary>
public enum InstanceStatus
{
    /// <summary>Waiting on at least one bookmark.</summary>
    Suspended,
    /// <summary>Reached its end.</summary>
    Finished,
    /// <summary>Stopped by staff.</summary>
    Cancelled,
    /// <summary>Has an open incident; other branches may still wait.</summary>
    Faulted,
}
