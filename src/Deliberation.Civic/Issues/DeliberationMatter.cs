namespace Deliberation.Civic.Issues;

/// <summary>
/// A kind of matter in the deliberation matters catalogue (协商事项指导目录), e.g. <c>lift</c> 加装电梯.
/// Bound from <c>Deliberation:Catalogue</c>; complaints name it by <see cref="Code"/>.
/// </summary>
public sealed class DeliberationMatter
{
    /// <summary>A stable code: lower-case letters, digits and hyphens, e.g. <c>ebike-charging</c>.</summary>
    public string Code { get; set; } = "";

    /// <summary>Its name in Simplified Chinese, e.g. 电动车充电.</summary>
    public string Zh { get; set; } = "";

    /// <summary>Its name in English, e.g. E-bike charging.</summary>
    public string En { get; set; } = "";
}
