namespace Deliberation.Civic.Issues;

/// <summary>
/// What intake proposes for launching a deliberation from a complaint: the workflow the community's catalogue names for the
/// complaint's kind (or the default one), the rules of procedure it starts with, and each professional advisor the kind
/// requires with the people of the roster who can sit as one (the first is proposed; none means staff must be warned).
/// </summary>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="CategoryCode">Its kind's code.</param>
/// <param name="Matter">Its kind in the community's catalogue; null when the code has left the catalogue.</param>
/// <param name="DefinitionId">The workflow to launch.</param>
/// <param name="FromCatalogue">Whether the catalogue named the workflow (false: the default one).</param>
/// <param name="Advisors">The advisors the kind requires, in the catalogue's order.</param>
public sealed record LaunchProposal(Guid ComplaintId, string CategoryCode, DeliberationMatter? Matter, string DefinitionId, bool FromCatalogue,
    IReadOnlyList<AdvisorProposal> Advisors)
{
    /// <summary>The workflow launched when the catalogue names none: 烦事有计倾.</summary>
    public const string DefaultDefinitionId = "fanshi-youjiqing";

    /// <summary>The rules-of-procedure template a case of this kind starts with; null for the usual default.</summary>
    public string? RulesTemplate => Matter?.RulesTemplate;
}
