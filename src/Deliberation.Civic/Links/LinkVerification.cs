using Deliberation.Civic.Participation;

namespace Deliberation.Civic.Links;

/// <summary>The result of checking a link: the verdict and, once the signature holds, what the link says.</summary>
/// <param name="Status">The verdict.</param>
/// <param name="Claims">What the link says; null when it is <see cref="LinkStatus.Malformed"/>.</param>
public sealed record LinkVerification(LinkStatus Status, LinkClaims? Claims)
{
    /// <summary>True when the link may be used.</summary>
    public bool IsValid => Status == LinkStatus.Valid;

    /// <summary>A token that is not ours.</summary>
    public static LinkVerification Malformed { get; } = new(LinkStatus.Malformed, null);

    /// <summary>
    /// Checks a link whose signature and expiry hold against the task it names (null when there is
    /// no such task). The person is checked first, so that a link for someone else never reveals
    /// more about the task than that it is not theirs.
    /// </summary>
    public LinkVerification Against(ParticipationTask? task)
    {
        if (!IsValid || Claims is null) return this;
        if (task is null || task.Id != Claims.TaskId) return this with { Status = LinkStatus.TaskNotFound };
        if (task.PersonId != Claims.PersonId) return this with { Status = LinkStatus.WrongPerson };
        if (!string.Equals(task.Purpose, Claims.Purpose, StringComparison.Ordinal)) return this with { Status = LinkStatus.WrongPurpose };
        if (Claims.LinkVersion < task.LinkVersion) return this with { Status = LinkStatus.Reissued };
        // A version ahead of the task's was never issued against this database (a restored backup): not ours.
        if (Claims.LinkVersion > task.LinkVersion) return this with { Status = LinkStatus.Malformed };
        return this;
    }
}
