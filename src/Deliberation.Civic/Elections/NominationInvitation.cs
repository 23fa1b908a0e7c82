namespace Deliberation.Civic.Elections;

/// <summary>
/// The invitation to nominate: the participation task (purpose <c>nominate</c>) sent to one voter of an election when
/// its nominations open, so that residents nominate themselves or a neighbour through a signed link. Voters without
/// email get one too: their building head enters their nomination on their behalf, or staff enter it.
/// </summary>
public sealed class NominationInvitation
{
    /// <summary>The task.</summary>
    public Guid TaskId { get; set; }

    /// <summary>The election.</summary>
    public Guid ElectionId { get; set; }

    /// <summary>The voter invited to nominate.</summary>
    public Guid PersonId { get; set; }

    /// <summary>Whether the link was emailed (false: no email).</summary>
    public bool Emailed { get; set; }
}
