namespace Deliberation.Civic.Elections;

/// <summary>How an affected group takes part in the panel.</summary>
public static class ParticipationModes
{
    /// <summary>
    /// At or below the configured size (<see cref="ElectionOptions.DirectParticipationMaxHouseholds"/>):
    /// every household representative sits on the panel and votes.
    /// </summary>
    public const string Direct = "direct";

    /// <summary>Larger, within one building group: its households elect the 1–3 representatives in one layer.</summary>
    public const string SingleLayer = "single-layer";

    /// <summary>
    /// Larger and spanning several building groups, or a large building with several entrances (逐层推选): the households
    /// of each building group (or of each entrance, 单元) elect delegates (layer 1), then the delegates elect the group's
    /// 1–3 representatives (layer 2).
    /// </summary>
    public const string Layered = "layered";
}
