namespace Deliberation.Civic.Roster;

/// <summary>One record of a roster file as the readers give it: where it is and its cells, by position.</summary>
/// <param name="Line">The CSV line where the record starts, or the .xlsx row number.</param>
/// <param name="Cells">The cell texts by column position; missing cells are empty.</param>
internal sealed record RosterCells(int Line, IReadOnlyList<string> Cells);
