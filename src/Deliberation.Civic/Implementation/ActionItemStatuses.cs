namespace Deliberation.Civic.Implementation;

/// <summary>Where an action item stands (<see cref="ActionItem.Status"/>). Stable strings.</summary>
public static class ActionItemStatuses
{
    /// <summary>Being carried out.</summary>
    public const string Open = "open";

    /// <summary>Reported done.</summary>
    public const string Done = "done";
}
