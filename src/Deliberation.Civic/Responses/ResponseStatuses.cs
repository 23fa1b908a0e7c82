namespace Deliberation.Civic.Responses;

/// <summary>Where a matter to respond to stands (<see cref="TimedResponse.Status"/>).</summary>
public static class ResponseStatuses
{
    /// <summary>A level has it and its deadline has not passed.</summary>
    public const string Open = "open";

    /// <summary>Someone marked it handled (in time or not: compare <see cref="TimedResponse.HandledAt"/> with the deadline).</summary>
    public const string Handled = "handled";

    /// <summary>The top of the ladder missed its deadline too; it stays escalated, and a late answer still marks it handled.</summary>
    public const string Unhandled = "unhandled";
}
