namespace Deliberation.Civic.Links;

/// <summary>The verdict on a link. Only <see cref="Valid"/> lets anyone see or answer the task.</summary>
public enum LinkStatus
{
    /// <summary>Signed by us, unexpired, and matching the task's person, purpose and link version.</summary>
    Valid,

    /// <summary>Not a token we could have made: wrong shape, altered, or signed with another key.</summary>
    Malformed,

    /// <summary>Genuine but past its expiry.</summary>
    Expired,

    /// <summary>Genuine but made for another purpose than the task's (an RSVP link used for a ballot).</summary>
    WrongPurpose,

    /// <summary>Genuine but older than the task's current link: staff reissued the link.</summary>
    Reissued,

    /// <summary>Genuine but made for someone other than the person the task asks.</summary>
    WrongPerson,

    /// <summary>Genuine but the task it names does not exist (any more).</summary>
    TaskNotFound,
}
