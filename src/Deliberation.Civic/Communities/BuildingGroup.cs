namespace Deliberation.Civic.Communities;

/// <summary>A building group (楼栋小组), led by a building head (楼长).</summary>
public sealed class BuildingGroup
{
    /// <summary>Id.</summary>
    public Guid Id { get; set; }

    /// <summary>The community.</summary>
    public Guid CommunityId { get; set; }

    /// <summary>The precinct or grid it belongs to.</summary>
    public Guid PrecinctId { get; set; }

    /// <summary>
    /// The compound (小区) it stands in, e.g. 龙基花园; empty when the community is not divided into compounds. Building
    /// names are unique per compound: two compounds may each have a 1栋.
    /// </summary>
    public string Compound { get; set; } = "";

    /// <summary>Its name as residents say it, e.g. 5栋.</summary>
    public string Name { get; set; } = "";

    /// <summary>Its name with its compound, as letters and minutes write it: 龙基花园5栋, or 5栋 without a compound.</summary>
    public string Label => Labelled(Compound, Name);

    /// <summary>A building's name with its compound: 龙基花园5栋, or the name alone without a compound.</summary>
    public static string Labelled(string compound, string name) => compound.Length == 0 ? name : compound + name;
}
