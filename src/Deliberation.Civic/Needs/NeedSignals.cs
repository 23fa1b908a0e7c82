namespace Deliberation.Civic.Needs;

/// <summary>
/// The signals a need sends the workflow that published it (the Publish and claim step waits for them): one per need, the
/// name ending with the need's id, which each also carries as its correlation.
/// </summary>
public static class NeedSignals
{
    /// <summary>The first candidate claimed it (their claim answer).</summary>
    public const string ClaimedSignalPrefix = "need-claimed-";

    /// <summary>The claimant reported it done (their progress answer with done ticked).</summary>
    public const string DoneSignalPrefix = "need-done-";

    /// <summary>The requester, or staff, answered the confirmation (回访).</summary>
    public const string ConfirmedSignalPrefix = "need-confirmed-";

    /// <summary>Staff closed it.</summary>
    public const string ClosedSignalPrefix = "need-closed-";

    /// <summary>The claim signal of a need.</summary>
    public static string Claimed(Guid needId) => ClaimedSignalPrefix + needId.ToString("D");

    /// <summary>The done signal of a need.</summary>
    public static string Done(Guid needId) => DoneSignalPrefix + needId.ToString("D");

    /// <summary>The confirmation signal of a need.</summary>
    public static string Confirmed(Guid needId) => ConfirmedSignalPrefix + needId.ToString("D");

    /// <summary>The closing signal of a need.</summary>
    public static string Closed(Guid needId) => ClosedSignalPrefix + needId.ToString("D");
}
