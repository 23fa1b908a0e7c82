namespace Deliberation.Civic.Communities;

/// <summary>How the notices to building heads (楼长) address them.</summary>
public static class BuildingHeads
{
    /// <summary>
    /// The greeting that opens a notice: <c>王小明楼长：您好！</c>. Rosters often record the head as "王楼长" already,
    /// who is not greeted "王楼长楼长".
    /// </summary>
    public static string Greeting(string headName)
    {
        ArgumentNullException.ThrowIfNull(headName);
        return (headName.EndsWith("楼长", StringComparison.Ordinal) ? headName : headName + "楼长") + "：您好！\n\n";
    }
}
