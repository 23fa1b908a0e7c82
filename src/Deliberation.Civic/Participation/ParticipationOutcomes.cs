namespace Deliberation.Civic.Participation;

/// <summary>The outcome ports of <see cref="Elections.IdentifyStakeholdersActivity"/>.</summary>
public static class ParticipationOutcomes
{
    /// <summary>At least one affected group elects its representatives: the workflow runs every such group's election.</summary>
    public const string Elect = "Elect";

    /// <summary>Nobody is elected: every group sits on the panel household by household, or the case has parties only.</summary>
    public const string Seated = "Seated";
}
