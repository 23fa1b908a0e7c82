using Deliberation.Engine.Runtime;

namespace Deliberation.Civic.Communities;

/// <summary>Why a community's settings were refused, in both languages.</summary>
public static class CommunityFields
{
#pragma warning disable CS1591 // each message says what it is about
    public static readonly FieldMessage PartyKinds = new("party-kinds",
        "At most {max} kinds, each 1–{length} characters, none twice and none a built-in kind.",
        "最多 {max} 种，每种 1–{length} 个字，不能重复，也不能与系统已有的类别（如物业公司、业委会）相同。");
#pragma warning restore CS1591
}
