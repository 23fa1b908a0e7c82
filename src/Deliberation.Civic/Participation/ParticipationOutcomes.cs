using Deliberation.Civic.Elections;

namespace Deliberation.Civic.Participation;

/// <summary>The outcome ports of <see cref="IdentifyStakeholdersActivity"/>, one per <see cref="ParticipationModes">participation mode</see>.</summary>
public static class ParticipationOutcomes
{
    /// <summary>The group's household representatives sit on the panel directly: no election.</summary>
    public const string Direct = "Direct";

    /// <summary>The group elects its representatives in one layer (it lies within one building group).</summary>
    public const string SingleLayer = "SingleLayer";

    /// <summary>The group elects in two layers: delegates per building group, then the representatives.</summary>
    public const string Layered = "Layered";

    /// <summary>The port of a participation mode.</summary>
    /// <exception cref="ArgumentException">An unknown mode.</exception>
    public static string Of(string mode) => mode switch
    {
        ParticipationModes.Direct => Direct,
        ParticipationModes.SingleLayer => SingleLayer,
        ParticipationModes.Layered => Layered,
        _ => throw new ArgumentException($"Unknown participation mode '{mode}'.", nameof(mode)),
    };
}
