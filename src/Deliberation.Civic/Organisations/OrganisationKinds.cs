using Deliberation.Civic.Elections;

namespace Deliberation.Civic.Organisations;

/// <summary>
/// Which kinds of party an organisation may be: the built-in kinds that are organisations rather than people (a social
/// worker or a volunteer is not), and every kind the community added (<see cref="Communities.Community.PartyKinds"/>,
/// e.g. 共建单位), so that an organisation can later sit on a panel as a party of its kind.
/// </summary>
public static class OrganisationKinds
{
    /// <summary>The built-in kinds an organisation may be.</summary>
    public static IReadOnlyList<string> BuiltIn { get; } =
    [
        PartyKinds.ResidentsCommittee, PartyKinds.GridPartyBranch, PartyKinds.OwnersCommittee, PartyKinds.PropertyCompany,
        PartyKinds.ResidentUnit, PartyKinds.SocialOrganisation,
    ];

    /// <summary>The kinds an organisation of a community may be: the built-in ones, then those the community added.</summary>
    /// <param name="communityKinds">The community's own kinds, one per line (<see cref="Communities.Community.PartyKinds"/>).</param>
    public static IReadOnlyList<string> For(string communityKinds) =>
        [.. BuiltIn, .. (communityKinds ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
