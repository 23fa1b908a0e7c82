namespace Deliberation.Integrations.Outbox;

/// <summary>The outbox's delivery. Section <c>Deliberation:Outbox</c>.</summary>
public sealed class OutboxOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Deliberation:Outbox";

    /// <summary>
    /// How long a host's claim on a message holds (default 2 min). A host that dies while delivering leaves its claims;
    /// another host, or the same one restarted, sends them again once the claim runs out, with the same Message-ID. Keep
    /// it longer than a delivery can take (MailKit's own timeout is 2 min per command), or a slow server gets the message twice.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);
}
