namespace Deliberation.Civic.Communities;

/// <summary>A residents' community (社区), the top of the five-level mobilisation hierarchy.</summary>
public sealed class Community
{
    /// <summary>Id.</summary>
    public Guid Id { get; set; }

    /// <summary>A short code used in case numbers and archive paths, e.g. <c>dalong</c>.</summary>
    public string Code { get; set; } = "";

    /// <summary>The community's name, e.g. 大龙社区.</summary>
    public string Name { get; set; } = "";

    /// <summary>Where escalations go (the street office), comma-separated addresses.</summary>
    public string? EscalationEmails { get; set; }

    /// <summary>
    /// The kinds of party the community adds to the built-in ones (<see cref="Elections.PartyKinds"/>), by name, one per line,
    /// e.g. 共建单位 or 老年协会: a party of such a kind is named by it in the panel and the minutes. Empty for none.
    /// </summary>
    public string PartyKinds { get; set; } = "";

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
