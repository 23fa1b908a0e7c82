namespace Deliberation.Civic.Roster;

/// <summary>What <see cref="RosterParser"/> read: the data rows, and the problems of the file's shape.</summary>
/// <param name="Rows">The non-empty data rows, in file order.</param>
/// <param name="Problems">Encoding, size, header and quoting problems; empty when the file could be read.</param>
public sealed record RosterParseResult(IReadOnlyList<RosterRow> Rows, IReadOnlyList<RosterProblem> Problems);
