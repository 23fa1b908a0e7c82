namespace Deliberation.Civic.Elections;

/// <summary>A nomination, and after the count the candidate's votes and place.</summary>
public sealed class Candidate
{
    /// <summary>Id; also the option value on the ballot.</summary>
    public Guid Id { get; set; }

    /// <summary>The election.</summary>
    public Guid ElectionId { get; set; }

    /// <summary>The candidate, a member of the election's electorate.</summary>
    public Guid PersonId { get; set; }

    /// <summary>Who nominated: the candidate (self), another voter, or null when staff entered it.</summary>
    public Guid? NominatedByPersonId { get; set; }

    /// <summary>One of <see cref="NominationKinds"/>.</summary>
    public string NominationKind { get; set; } = NominationKinds.Self;

    /// <summary>When nominated.</summary>
    public DateTimeOffset NominatedAt { get; set; }

    /// <summary>Position in nomination order, from 1; the ballot lists candidates in it.</summary>
    public int Position { get; set; }

    /// <summary>Votes counted; null before the count.</summary>
    public int? Votes { get; set; }

    /// <summary>Place in the count, from 1; a representative who drops out is replaced by the next place.</summary>
    public int? Rank { get; set; }

    /// <summary>Whether elected.</summary>
    public bool Elected { get; set; }
}
