namespace Deliberation.Engine.Messaging;

/// <summary>An outbox message could not be delivered.</summary>
/// <param name="message">What went wrong.</param>
/// <param name="permanent">True when retrying cannot help (a rejected address); false for an outage.</param>
/// <param name="inner">The cause.</param>
public sealed class OutboxDeliveryException(string message, bool permanent, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>True when retrying cannot help.</summary>
    public bool Permanent { get; } = permanent;

    /// <summary>
    /// True when the server could not be reached at all (refused or cut connection, timeout, failed handshake or sign-in):
    /// the message was not tried, so the attempt does not count against it.
    /// </summary>
    public bool ServerUnavailable { get; init; }
}
