namespace Deliberation.Civic.Implementation;

/// <summary>
/// One source's share of an action item's budget (资金来源), e.g. 慈善募捐 30,000 元 of 50,000 元: the shares of an item sum
/// to its budget; a resolution's funding is the sum of its items' shares by source.
/// </summary>
public sealed class FundingShare
{
    /// <summary>Id.</summary>
    public Guid Id { get; set; }

    /// <summary>The community.</summary>
    public Guid CommunityId { get; set; }

    /// <summary>The action item.</summary>
    public Guid ActionItemId { get; set; }

    /// <summary>Its place among the item's shares, from 0.</summary>
    public int Position { get; set; }

    /// <summary>One of <see cref="FundingSources"/>.</summary>
    public string Source { get; set; } = FundingSources.Other;

    /// <summary>Who exactly, when it helps, e.g. 番禺区慈善会 or 龙基花园物业公司; null otherwise.</summary>
    public string? Detail { get; set; }

    /// <summary>The amount in yuan, above zero, at most two decimals.</summary>
    public decimal Amount { get; set; }
}
