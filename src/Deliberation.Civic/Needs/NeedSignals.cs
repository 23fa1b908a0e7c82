namespace Deliberation.Civic.Needs;

/// <summary>
/// The signals a need sends the workflow that published it (the Publish and claim step waits for them), each carrying the
/// need's id as its correlation.
/// </summary>
public static class NeedSignals
{
    /// <summary>The first candidate claimed it (their claim answer).</summary>
    public static string Claimed(Guid needId) => $"need-claimed-{needId}";

    /// <summary>The claimant reported it done (their progress answer with done ticked).</summary>
    public static string Done(Guid needId) => $"need-done-{needId}";

    /// <summary>The requester, or staff, answered the confirmation (回访).</summary>
    public static string Confirmed(Guid needId) => $"need-confirmed-{needId}";

    /// <summary>Staff closed it.</summary>
    public static string Closed(Guid needId) => $"need-closed-{needId}";
}
