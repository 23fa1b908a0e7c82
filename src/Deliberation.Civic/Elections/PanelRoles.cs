namespace Deliberation.Civic.Elections;

/// <summary>What a panel member is there as.</summary>
public static class PanelRoles
{
    /// <summary>利益代表: speaks for an affected group (elected, or a household taking part directly).</summary>
    public const string Representative = "representative";

    /// <summary>A party to the matter: property company, owners' committee, social worker, social organisation, resident unit.</summary>
    public const string Party = "party";

    /// <summary>专业人员: a lawyer or accountant who advises and, unless the rules say so, does not vote.</summary>
    public const string Advisor = "advisor";
}
