namespace Deliberation.Civic.Communities;

/// <summary>What a person is in the community; a person may hold several.</summary>
[Flags]
public enum PersonRoles
{
    /// <summary>No role recorded.</summary>
    None = 0,
    /// <summary>社区负责人 community lead.</summary>
    CommunityLead = 1 << 0,
    /// <summary>网格员 grid worker.</summary>
    GridWorker = 1 << 1,
    /// <summary>楼长 building head.</summary>
    BuildingHead = 1 << 2,
    /// <summary>社工 social worker.</summary>
    SocialWorker = 1 << 3,
    /// <summary>志愿者 volunteer.</summary>
    Volunteer = 1 << 4,
    /// <summary>物业 property management company.</summary>
    PropertyCompany = 1 << 5,
    /// <summary>业委会 owners' committee.</summary>
    OwnersCommittee = 1 << 6,
    /// <summary>驻区单位 resident unit.</summary>
    ResidentUnit = 1 << 7,
    /// <summary>律师 lawyer.</summary>
    Lawyer = 1 << 8,
    /// <summary>会计师 accountant.</summary>
    Accountant = 1 << 9,
    /// <summary>居民 resident.</summary>
    Resident = 1 << 10,
    /// <summary>社会组织 social organisation.</summary>
    SocialOrganisation = 1 << 11,
    /// <summary>居委会 residents' committee (its members and staff).</summary>
    ResidentsCommittee = 1 << 12,
    /// <summary>网格党支部 grid party branch.</summary>
    GridPartyBranch = 1 << 13,
}
