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

    /// <summary>居委会 residents' committee.</summary>
    public const string ResidentsCommittee = "residents-committee";

    /// <summary>网格党支部 grid party branch.</summary>
    public const string GridPartyBranch = "grid-party-branch";

    /// <summary>楼长 building heads, taking part as a party (e.g. for their buildings' residents without email).</summary>
    public const string BuildingHead = "building-head";

    /// <summary>志愿者 volunteers.</summary>
    public const string Volunteer = "volunteer";

    /// <summary>律师 lawyer (an advisor).</summary>
    public const string Lawyer = "lawyer";

    /// <summary>会计师 accountant (an advisor).</summary>
    public const string Accountant = "accountant";

    /// <summary>The kinds a party may be.</summary>
    public static IReadOnlyList<string> Parties { get; } =
        [ResidentsCommittee, GridPartyBranch, PropertyCompany, OwnersCommittee, SocialWorker, SocialOrganisation, ResidentUnit, BuildingHead, Volunteer];

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
        ResidentsCommittee => "居委会",
        GridPartyBranch => "网格党支部",
        BuildingHead => "楼长",
        Volunteer => "志愿者",
        Lawyer => "律师",
        Accountant => "会计师",
        _ => kind,
    };
}
