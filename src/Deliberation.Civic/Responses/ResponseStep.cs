namespace Deliberation.Civic.Responses;

/// <summary>What a level's deadline did to a matter (<see cref="ResponseStore.OnDeadlineAsync"/>).</summary>
public enum ResponseStep
{
    /// <summary>It was handled already: nothing changed.</summary>
    Handled,

    /// <summary>It went up one level, with a new deadline.</summary>
    Escalated,

    /// <summary>The top level missed it too: it stays escalated, unhandled.</summary>
    Unhandled,
}
