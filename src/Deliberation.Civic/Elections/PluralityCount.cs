using System.Security.Cryptography;

namespace Deliberation.Civic.Elections;

/// <summary>
/// Counts a plurality ballot (每户一票,得票多者当选): each ballot names at most one candidate — or, for several
/// seats, at most one per seat (多选, each chosen candidate gets one vote from it); the candidates with the most
/// votes win the seats. Candidates with no votes are not elected.
/// Candidates with equal votes are ordered by the tie rule: drawing lots orders them by
/// HMAC-SHA256(seed, candidate id), so anyone holding the recorded seed and the ids can redo the draw
/// and a recount with the same seed gives the same result; a staff decision gives the order of those
/// tied for the last seat. Without either, equal votes keep nomination order and a tie for the last
/// seat is reported unresolved.
/// </summary>
public static class PluralityCount
{
    /// <summary>Bytes of a lots seed (256 bits).</summary>
    public const int SeedBytes = 32;

    /// <summary>A new lots seed from the system's cryptographic random source, as lower-case hex.</summary>
    public static string NewSeed() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(SeedBytes));

    /// <summary>Whether a seed is <see cref="SeedBytes"/> bytes of hex.</summary>
    public static bool IsSeed(string? seed) => seed is { Length: SeedBytes * 2 } && seed.All(char.IsAsciiHexDigit);

    /// <summary>Counts.</summary>
    /// <param name="candidates">The candidates in nomination order.</param>
    /// <param name="votes">Each counted ballot's choice; null or an id not among the candidates is a blank ballot.</param>
    /// <param name="seats">Seats to fill.</param>
    /// <param name="lotsSeed">A seed from <see cref="NewSeed"/> that orders every tie; null for none.</param>
    /// <param name="staffOrder">Staff's order of the candidates tied for the last seat (best first); null for none.</param>
    /// <exception cref="ArgumentException">Seats below 1, duplicate candidates, a malformed seed, or a staff order that is not exactly the tied candidates.</exception>
    public static CountResult Count(IReadOnlyList<Guid> candidates, IEnumerable<Guid?> votes, int seats, string? lotsSeed = null,
        IReadOnlyList<Guid>? staffOrder = null)
    {
        ArgumentNullException.ThrowIfNull(votes);
        return Count(candidates, votes.Select(v => v is { } id ? (IReadOnlyCollection<Guid>)[id] : []), seats, lotsSeed, staffOrder);
    }

    /// <summary>Counts ballots that may each choose up to one candidate per seat.</summary>
    /// <param name="candidates">The candidates in nomination order.</param>
    /// <param name="ballots">
    /// Each counted ballot's choices: every distinct candidate among them gets one vote, as long as the ballot chooses no
    /// more than <paramref name="seats"/>; a ballot with more (an over-vote) or none among the candidates is blank.
    /// </param>
    /// <param name="seats">Seats to fill.</param>
    /// <param name="lotsSeed">A seed from <see cref="NewSeed"/> that orders every tie; null for none.</param>
    /// <param name="staffOrder">Staff's order of the candidates tied for the last seat (best first); null for none.</param>
    /// <exception cref="ArgumentException">Seats below 1, duplicate candidates, a malformed seed, or a staff order that is not exactly the tied candidates.</exception>
    public static CountResult Count(IReadOnlyList<Guid> candidates, IEnumerable<IReadOnlyCollection<Guid>> ballots, int seats, string? lotsSeed = null,
        IReadOnlyList<Guid>? staffOrder = null)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(ballots);
        ArgumentOutOfRangeException.ThrowIfLessThan(seats, 1);
        if (candidates.Distinct().Count() != candidates.Count) throw new ArgumentException("A candidate appears twice.", nameof(candidates));
        if (lotsSeed is not null && !IsSeed(lotsSeed)) throw new ArgumentException($"A lots seed is {SeedBytes * 2} hex digits.", nameof(lotsSeed));

        var tally = candidates.ToDictionary(c => c, _ => 0);
        int counted = 0, blank = 0;
        foreach (var ballot in ballots)
        {
            var chosen = ballot.Distinct().ToList();
            if (chosen.Count > seats || !chosen.All(tally.ContainsKey) || chosen.Count == 0)
            {
                blank++;
                continue;
            }
            foreach (var id in chosen) tally[id]++;
            counted++;
        }

        var position = candidates.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        var blocks = candidates.GroupBy(c => tally[c]).OrderByDescending(g => g.Key).Select(g => g.OrderBy(c => position[c]).ToList()).ToList();
        var anyTie = blocks.Any(b => b.Count > 1 && tally[b[0]] > 0);

        // The tie that matters for the seats: one block holding both the last seat and the first place after it.
        List<Guid> tiedForLastSeat = [];
        var start = 0;
        foreach (var block in blocks)
        {
            if (start < seats && start + block.Count > seats && tally[block[0]] > 0) tiedForLastSeat = block;
            start += block.Count;
        }
        if (staffOrder is not null && (staffOrder.Count != tiedForLastSeat.Count || !staffOrder.All(tiedForLastSeat.Contains)))
            throw new ArgumentException("The staff order must list exactly the candidates tied for the last seat.", nameof(staffOrder));

        var seed = lotsSeed is null ? null : Convert.FromHexString(lotsSeed);
        var ordered = new List<Guid>(candidates.Count);
        foreach (var block in blocks)
        {
            if (block.Count == 1) ordered.Add(block[0]);
            else if (seed is not null) ordered.AddRange(block.OrderBy(c => LotKey(seed, c), ByteOrder.Instance));
            else if (staffOrder is not null && ReferenceEquals(block, tiedForLastSeat)) ordered.AddRange(staffOrder);
            else ordered.AddRange(block);
        }

        var unresolved = tiedForLastSeat.Count > 0 && seed is null && staffOrder is null;
        var ranking = ordered.Select((c, i) => new CountedCandidate(c, tally[c], i + 1,
            i < seats && tally[c] > 0 && !(unresolved && tiedForLastSeat.Contains(c)))).ToList();
        return new CountResult(ranking, counted, blank, tiedForLastSeat, anyTie, unresolved);
    }

    /// <summary>
    /// The candidate who takes a seat that falls vacant: the best-placed candidate not elected, not
    /// already unavailable (dropped out, or already took a vacant seat), and with at least one vote.
    /// </summary>
    /// <returns>Null when nobody is left.</returns>
    public static CountedCandidate? NextInCount(IReadOnlyList<CountedCandidate> ranking, IReadOnlySet<Guid> unavailable)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        ArgumentNullException.ThrowIfNull(unavailable);
        return ranking.OrderBy(c => c.Rank).FirstOrDefault(c => !c.Elected && c.Votes > 0 && !unavailable.Contains(c.CandidateId));
    }

    /// <summary>A candidate's lot: HMAC-SHA256 of the candidate id (big-endian bytes) under the seed.</summary>
    public static byte[] LotKey(byte[] seed, Guid candidateId)
    {
        ArgumentNullException.ThrowIfNull(seed);
        Span<byte> id = stackalloc byte[16];
        candidateId.TryWriteBytes(id, bigEndian: true, out _);
        return HMACSHA256.HashData(seed, id);
    }

    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
