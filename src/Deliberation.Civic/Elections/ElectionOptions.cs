using System.ComponentModel.DataAnnotations;

namespace Deliberation.Civic.Elections;

/// <summary>Settings of stakeholder elections, section <c>Deliberation:Elections</c>.</summary>
public sealed class ElectionOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Deliberation:Elections";

    /// <summary>
    /// The largest affected group whose household representatives all sit on the panel; larger groups
    /// elect representatives. Default 30: about one staircase of a building, still a workable meeting.
    /// </summary>
    [Range(1, 10_000)]
    public int DirectParticipationMaxHouseholds { get; set; } = 30;

    /// <summary>
    /// The largest group within one building that elects its representatives in one layer; a larger one whose roster gives
    /// two or more entrances (单元) elects in layers: each entrance elects delegates, the delegates the representatives.
    /// Default 100: a ballot of a hundred households still lets neighbours know whom they vote for.
    /// </summary>
    [Range(1, 100_000)]
    public int LayerByEntranceAboveHouseholds { get; set; } = 100;
}
