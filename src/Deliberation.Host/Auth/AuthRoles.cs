namespace Deliberation.Host.Auth;

/// <summary>Account roles and the policies built on them.</summary>
public static class AuthRoles
{
    /// <summary>Manages accounts and sees every community.</summary>
    public const string Administrator = "Administrator";

    /// <summary>Committee staff (社区工作人员): designs and runs deliberations in their communities.</summary>
    public const string CommitteeStaff = "CommitteeStaff";

    /// <summary>Building head (楼长): logs complaints and answers for residents without email.</summary>
    public const string BuildingHead = "BuildingHead";

    /// <summary>All roles.</summary>
    public static readonly string[] All = [Administrator, CommitteeStaff, BuildingHead];

    /// <summary>Policy: administrators and committee staff.</summary>
    public const string StaffPolicy = "staff";

    /// <summary>Policy: staff and building heads.</summary>
    public const string CommunityPolicy = "community";

    /// <summary>Policy: administrators only.</summary>
    public const string AdministratorPolicy = "administrator";

    /// <summary>The roles each policy admits: the policies are built from this, and the authorisation matrix test reads it.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> PolicyRoles = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [AdministratorPolicy] = [Administrator],
        [StaffPolicy] = [Administrator, CommitteeStaff],
        [CommunityPolicy] = All,
    };
}
