namespace Deliberation.Civic.Issues;

/// <summary>
/// One kind of matter in a community's own deliberation matters catalogue (协商事项指导目录), as stored: what
/// <see cref="DeliberationMatter"/> says, in the community's order. A community without rows reads the configured
/// catalogue; its first change writes the whole list.
/// </summary>
public sealed class CommunityMatter
{
    /// <summary>Id.</summary>
    public Guid Id { get; set; }

    /// <summary>The community whose catalogue lists it.</summary>
    public Guid CommunityId { get; set; }

    /// <summary>Its place in the catalogue, from 0.</summary>
    public int Position { get; set; }

    /// <summary>The code complaints name it by; unique within the community.</summary>
    public string Code { get; set; } = "";

    /// <summary>Its name in Simplified Chinese.</summary>
    public string Zh { get; set; } = "";

    /// <summary>Its name in English.</summary>
    public string En { get; set; } = "";

    /// <summary>The workflow intake proposes; null for the default one.</summary>
    public string? DefinitionId { get; set; }

    /// <summary>The advisor kinds the panel needs, one per line (e.g. <c>lawyer</c>); empty for none.</summary>
    public string Advisors { get; set; } = "";

    /// <summary>The rules-of-procedure template a case of this kind starts with; null for the usual default.</summary>
    public string? RulesTemplate { get; set; }

    /// <summary>When the catalogue was last saved.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The entry as the domain reads it.</summary>
    public DeliberationMatter ToMatter() => new()
    {
        Code = Code, Zh = Zh, En = En, DefinitionId = DefinitionId, RulesTemplate = RulesTemplate,
        Advisors = [.. Advisors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
    };
}
