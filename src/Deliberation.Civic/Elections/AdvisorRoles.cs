using Deliberation.Civic.Communities;

namespace Deliberation.Civic.Elections;

/// <summary>Which role of the roster makes a person an advisor of a kind: a lawyer (律师) is one with the role Lawyer.</summary>
public static class AdvisorRoles
{
    /// <summary>The roster role of an advisor kind (<see cref="PartyKinds.Advisors"/>); null for any other kind.</summary>
    public static PersonRoles? Of(string kind) => kind switch
    {
        PartyKinds.Lawyer => PersonRoles.Lawyer,
        PartyKinds.Accountant => PersonRoles.Accountant,
        _ => null,
    };
}
