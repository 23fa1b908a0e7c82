namespace Deliberation.Civic.Elections;

/// <summary>How a member came onto the panel.</summary>
public static class PanelSources
{
    /// <summary>Won an election (or replaced an elected member as the next in its count).</summary>
    public const string Election = "election";

    /// <summary>A household representative of a group small enough to take part directly.</summary>
    public const string Direct = "direct";

    /// <summary>Added by staff (parties and advisors).</summary>
    public const string Staff = "staff";
}
