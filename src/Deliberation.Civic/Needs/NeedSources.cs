namespace Deliberation.Civic.Needs;

/// <summary>Where a need came from.</summary>
public static class NeedSources
{
    /// <summary>A complaint a building head logged (<see cref="Need.ComplaintId"/>).</summary>
    public const string Complaint = "complaint";

    /// <summary>A request entered by staff or a building head.</summary>
    public const string Request = "request";
}
