namespace Deliberation.Civic.Elections;

/// <summary>How a candidate was nominated.</summary>
public static class NominationKinds
{
    /// <summary>The candidate put themself forward (自荐).</summary>
    public const string Self = "self";

    /// <summary>Another voter nominated them (他荐).</summary>
    public const string Other = "other";

    /// <summary>Staff entered the nomination (e.g. collected on paper by the building head).</summary>
    public const string Staff = "staff";
}
