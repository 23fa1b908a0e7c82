namespace Deliberation.Engine.Storage;

/// <summary>
/// Tells an outage of the store (its database down, restarting, unreachable or out of connections) from a failure of
/// one operation. Loops that poll the store back off and stay quiet through an outage, and keep the work they had
/// claimed for when it ends, instead of logging each round and waiting for leases to lapse.
/// </summary>
public interface IStoreOutages
{
    /// <summary>Whether <paramref name="exception"/> (or one it wraps) says the store cannot be reached at the moment.</summary>
    bool IsOutage(Exception exception);
}
