namespace Deliberation.Civic.Elections;

/// <summary>How votes are counted, stated to voters on the ballot.</summary>
public static class CountingMethods
{
    /// <summary>每户一票,得票多者当选: one vote per household (per delegate in layer 2); the most votes win the seats.</summary>
    public const string Plurality = "plurality";

    /// <summary>Every method.</summary>
    public static IReadOnlyList<string> All { get; } = [Plurality];

    /// <summary>The method as the ballot states it, for a layer (1: households, 2: delegates).</summary>
    public static string Describe(string method, int layer, int seats = 1) => method switch
    {
        Plurality when seats > 1 => $"{(layer == 2 ? "每位代表" : "每户")}最多选{seats}人，每人得一票，得票多者当选",
        Plurality when layer == 2 => "每位楼栋代表一票，得票多者当选",
        Plurality => "每户一票，得票多者当选",
        _ => method,
    };
}
