namespace Deliberation.Civic.Elections;

/// <summary>What a party or advisor on the panel is.</summary>
public static class PartyKinds
{
    /// <summary>物业 property management company.</summary>
    public const string PropertyCompany = "property-company";

    /// <summary>业委会 / 自管委 owners' committee.</summary>
    public const string OwnersCommittee = "owners-committee";

    /// <summary>社工 social worker.</summary>
    public const string SocialWorker = "social-worker";

    /// <summary>社会组织 social organisation.</summary>
    public const string SocialOrganisation = "social-organisation";

    /// <summary>驻区单位 resident unit.</summary>
    public const string ResidentUnit = "resident-unit";

    /// <summary>律师 lawyer (an advisor).</summary>
    public const string Lawyer = "lawyer";

    /// <summary>会计师 accountant (an advisor).</summary>
    public const string Accountant = "accountant";

    /// <summary>The kinds a party may be.</summary>
    public static IReadOnlyList<string> Parties { get; } = [PropertyCompany, OwnersCommittee, SocialWorker, SocialOrganisation, ResidentUnit];

    /// <summary>The kinds an advisor may be.</summary>
    public static IReadOnlyList<string> Advisors { get; } = [Lawyer, Accountant];

    /// <summary>How a kind reads in Chinese (minutes, emails); an unknown kind reads as given.</summary>
    public static string ChineseName(string kind) => kind switch
    {
        PropertyCompany => "物业公司",
        OwnersCommittee => "业委会",
        SocialWorker => "社工",
        SocialOrganisation => "社会组织",
        ResidentUnit => "驻区单位",
        Lawyer => "律师",
        Accountant => "会计师",
        _ => kind,
    };
}
