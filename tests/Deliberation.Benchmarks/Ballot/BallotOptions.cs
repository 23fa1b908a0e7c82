using System.Globalization;

namespace Deliberation.Benchmarks.Ballot;

/// <summary>Command-line options of the ballot benchmark.</summary>
/// <param name="Households">Households on the roster (Dalong: 5,830).</param>
/// <param name="Clients">Concurrent answer clients.</param>
/// <param name="TallyRounds">How many times every election is read for the tally latency.</param>
/// <param name="Keep">Keep the temp folder.</param>
internal sealed record BallotOptions(int Households, int Clients, int TallyRounds, bool Keep)
{
    /// <summary>Parses the arguments after <c>ballot</c>.</summary>
    /// <exception cref="ArgumentException">An unknown option or a missing value.</exception>
    public static BallotOptions Parse(string[] args)
    {
        var o = args.Contains("--quick") ? new BallotOptions(300, 32, 3, false) : new BallotOptions(DalongRoster.Households, 32, 3, false);
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int NextInt() => int.Parse(Next(), CultureInfo.InvariantCulture);
            o = args[i] switch
            {
                "--quick" => o,
                "--keep" => o with { Keep = true },
                "--households" => o with { Households = NextInt() },
                "--clients" => o with { Clients = NextInt() },
                "--tally-rounds" => o with { TallyRounds = NextInt() },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }
        if (o.Households < 40) throw new ArgumentException("--households must be at least 40 (above the direct-participation threshold per building).");
        return o;
    }
}
