namespace Deliberation.Civic.Issues;

/// <summary>
/// A kind of matter in the deliberation matters catalogue (协商事项指导目录), e.g. <c>lift</c> 加装电梯: how complaints are
/// classified, and what intake proposes for one of its kind — the workflow to launch, the professional advisors the panel
/// needs (a lawyer for legal matters, an accountant for money) and the rules of procedure to decide by. Bound from
/// <c>Deliberation:Catalogue</c> (the defaults every community's catalogue starts from); complaints name it by <see cref="Code"/>.
/// </summary>
public sealed class DeliberationMatter
{
    /// <summary>A stable code: lower-case letters, digits and hyphens, e.g. <c>ebike-charging</c>.</summary>
    public string Code { get; set; } = "";

    /// <summary>Its name in Simplified Chinese, e.g. 电动车充电.</summary>
    public string Zh { get; set; } = "";

    /// <summary>Its name in English, e.g. E-bike charging.</summary>
    public string En { get; set; } = "";

    /// <summary>The published workflow intake proposes for a complaint of this kind, e.g. <c>fanshi-youjiqing</c>; null for the default one.</summary>
    public string? DefinitionId { get; set; }

    /// <summary>
    /// The professional advisors the panel needs (<see cref="Elections.PartyKinds.Advisors"/>: <c>lawyer</c>, <c>accountant</c>):
    /// launching a deliberation of this kind seats one person of the roster with that role for each.
    /// </summary>
    public List<string> Advisors { get; set; } = [];

    /// <summary>
    /// The rules of procedure a case of this kind starts with: a template code of <see cref="Decisions.RulesTemplates"/>
    /// (which carries its decision rule and quorum, e.g. <c>co-owners-art278-items-6-8</c>); null for the usual default.
    /// </summary>
    public string? RulesTemplate { get; set; }
}
