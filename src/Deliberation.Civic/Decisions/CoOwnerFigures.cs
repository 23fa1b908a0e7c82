namespace Deliberation.Civic.Decisions;

/// <summary>
/// The figures of an Article 278 decision: participation against all owners, approval against the
/// participating ones, each by headcount and by exclusive floor area (m²).
/// </summary>
public sealed record CoOwnerFigures
{
    /// <summary>The Article 278 matter, one of <see cref="Article278Matters"/>.</summary>
    public required string Matter { get; init; }

    /// <summary>Participating owners of all owners (headcount).</summary>
    public required Share OwnerParticipation { get; init; }

    /// <summary>Area of the participating owners of the total exclusive area.</summary>
    public required Share AreaParticipation { get; init; }

    /// <summary>The participation threshold for both (the rules' quorum, at least 2/3).</summary>
    public required Fraction ParticipationThreshold { get; init; }

    /// <summary>Whether the participating owners are at least the threshold of all owners.</summary>
    public required bool OwnerParticipationMet { get; init; }

    /// <summary>Whether their area is at least the threshold of the total area.</summary>
    public required bool AreaParticipationMet { get; init; }

    /// <summary>Approving owners of the participating owners (headcount).</summary>
    public required Share OwnerApproval { get; init; }

    /// <summary>Area of the approving owners of the participating area.</summary>
    public required Share AreaApproval { get; init; }

    /// <summary>The approval threshold: 3/4 for items 6–8, 1/2 for other matters.</summary>
    public required Fraction ApprovalThreshold { get; init; }

    /// <summary>Whether approval must exceed the threshold (other matters: more than half) rather than reach it (items 6–8: at least 3/4).</summary>
    public required bool ApprovalStrict { get; init; }

    /// <summary>Whether the approving owners meet the approval threshold.</summary>
    public required bool OwnerApprovalMet { get; init; }

    /// <summary>Whether the approving area meets the approval threshold.</summary>
    public required bool AreaApprovalMet { get; init; }
}
