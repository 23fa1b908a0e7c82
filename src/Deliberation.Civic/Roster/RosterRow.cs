namespace Deliberation.Civic.Roster;

/// <summary>One data row of a roster file: its values by column (trimmed, empty when absent) and where it is.</summary>
public sealed class RosterRow
{
    private readonly string[] _values = new string[RosterColumns.All.Count];

    /// <summary>Creates an empty row at a line.</summary>
    /// <param name="line">The CSV line where the record starts, or the .xlsx row number.</param>
    public RosterRow(int line)
    {
        Line = line;
        Array.Fill(_values, "");
    }

    /// <summary>The CSV line where the record starts, or the .xlsx row number.</summary>
    public int Line { get; }

    /// <summary>The value of a column, trimmed; empty when the file has no such column or the cell is empty.</summary>
    public string this[RosterColumn column]
    {
        get => _values[(int)column];
        set => _values[(int)column] = value ?? "";
    }

    /// <summary>Whether every value is empty (such rows are skipped).</summary>
    public bool IsEmpty => _values.All(v => v.Length == 0);
}
