using Deliberation.Civic.Data;

namespace Deliberation.Civic.Implementation;

/// <summary>Where the money for a resolution comes from, as the case studies name the sources.</summary>
public static class FundingSources
{
    /// <summary>慈善募捐: a charity drive (Dalong's stairs for the elderly).</summary>
    public const string CharityDrive = "charity-drive";

    /// <summary>物业公司: the property company.</summary>
    public const string PropertyCompany = "property-company";

    /// <summary>业主分摊: the owners share the cost.</summary>
    public const string Owners = "owners";

    /// <summary>社区微创投: a community micro-grant.</summary>
    public const string MicroGrant = "micro-grant";

    /// <summary>政府补贴: a government subsidy (street, district).</summary>
    public const string Government = "government";

    /// <summary>维修资金: the building's maintenance fund (专项维修资金).</summary>
    public const string MaintenanceFund = "maintenance-fund";

    /// <summary>其他: anything else (say who in the detail).</summary>
    public const string Other = "other";

    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        [CharityDrive] = "慈善募捐", [PropertyCompany] = "物业公司", [Owners] = "业主分摊", [MicroGrant] = "社区微创投",
        [Government] = "政府补贴", [MaintenanceFund] = "专项维修资金", [Other] = "其他",
    };

    /// <summary>Every source.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Names.Keys];

    /// <summary>A source's Chinese name, e.g. 慈善募捐; the code itself when unknown.</summary>
    public static string Name(string source) => Names.GetValueOrDefault(source, source);

    /// <summary>A share as residents read it: 慈善募捐（番禺区慈善会）30,000 元.</summary>
    public static string Describe(FundingShare share)
    {
        ArgumentNullException.ThrowIfNull(share);
        return $"{Name(share.Source)}{(share.Detail is { Length: > 0 } d ? $"（{d}）" : "")} {Money.Yuan(share.Amount)} 元";
    }

    /// <summary>An item's funding: 慈善募捐 30,000 元、物业公司 20,000 元 (the shares in order), or its free-text source, or null.</summary>
    public static string? Describe(IEnumerable<FundingShare> shares, string? freeText)
    {
        ArgumentNullException.ThrowIfNull(shares);
        var parts = shares.OrderBy(s => s.Position).Select(Describe).ToList();
        if (freeText is { Length: > 0 }) parts.Add(freeText);
        return parts.Count == 0 ? null : string.Join("、", parts);
    }
}

/// <summary>Reads the action items' funding, as letters, notices and minutes write it.</summary>
internal static class ItemFunding
{
    /// <summary>Each item's funding text (<see cref="FundingSources.Describe(IEnumerable{FundingShare}, string?)"/>), by item id; items without any are left out.</summary>
    public static async Task<Dictionary<Guid, string>> DescribeAsync(ICivicSession db, IReadOnlyCollection<ActionItem> items, CancellationToken cancellationToken)
    {
        var ids = items.Select(i => i.Id).ToList();
        var shares = (await db.FundingShares.AsNoTracking().Where(s => ids.Contains(s.ActionItemId)).ToListAsync(cancellationToken)).ToLookup(s => s.ActionItemId);
        var result = new Dictionary<Guid, string>();
        foreach (var item in items)
            if (FundingSources.Describe(shares[item.Id], item.FundingSource) is { } text) result[item.Id] = text;
        return result;
    }

    /// <summary>The budget line: 50,000 元（慈善募捐 30,000 元、物业公司 20,000 元）, or the funding alone without a budget; null when neither.</summary>
    public static string? BudgetLine(ActionItem item, string? funding) =>
        item.Budget is { } budget ? $"{Money.Yuan(budget)} 元{(funding is null ? "" : $"（{funding}）")}" : funding;
}
