namespace Deliberation.Civic.Communities;

/// <summary>How the notices to building heads (楼长) address them.</summary>
public static class BuildingHeads
{
    /// <summary>
    /// The greeting that opens a notice: <c>王小明楼长您好：</c> (<see cref="Letters.Greeting"/>). Rosters often record the head as "王楼长" already,
    /// who is not greeted "王楼长楼长".
    /// </summary>
    public static string Greeting(string headName)
    {
        ArgumentNullException.ThrowIfNull(headName);
        return Letters.Greeting(headName.EndsWith("楼长", StringComparison.Ordinal) ? headName : headName + "楼长") + "\n\n";
    }
}
