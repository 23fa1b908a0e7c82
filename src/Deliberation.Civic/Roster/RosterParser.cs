namespace Deliberation.Civic.Roster;

/// <summary>
/// Reads a roster file — CSV in UTF-8 (with or without a byte order mark) or GBK/GB18030, or an .xlsx
/// workbook — into rows with their line numbers. The first non-empty row is the header; columns may come
/// in any order and be named in Chinese or by their English aliases (<see cref="RosterColumns"/>).
/// </summary>
public static class RosterParser
{
    // What spreadsheets take for a formula; exports put an apostrophe before such values (CSV injection), imports remove it.
    internal const string FormulaStarts = "=+-@\t\r";

    /// <summary>Reads a roster file; the format is recognised from the content, not the name.</summary>
    /// <param name="content">The file's bytes.</param>
    /// <returns>The rows, and the problems of the file's shape (nothing about the community yet).</returns>
    public static RosterParseResult Parse(byte[] content)
    {
        if (content.Length > RosterLimits.MaxFileBytes) return Fail(RosterProblems.FileTooLarge(content.Length));
        var problems = new List<RosterProblem>();
        // Enough records to see a header and one row too many.
        const int maxRecords = RosterLimits.MaxRows + 2;
        List<RosterCells> records;
        if (content.AsSpan().StartsWith("PK\x03\x04"u8))
        {
            var rows = RosterXlsxReader.Read(content, maxRecords);
            if (rows is null) return Fail(RosterProblems.UnreadableWorkbook());
            records = rows;
        }
        else if (content.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
        {
            return Fail(RosterProblems.UnsupportedFormat());
        }
        else
        {
            var text = RosterText.Decode(content);
            if (text is null) return Fail(RosterProblems.UnknownEncoding());
            records = RosterCsvReader.Read(text, maxRecords, problems);
        }

        records.RemoveAll(r => r.Cells.All(c => Clean(c).Length == 0));
        if (records.Count == 0) return Fail(RosterProblems.NoHeader());
        var header = records[0];
        var columns = MapHeader(header, problems);
        if (problems.Count > 0) return new([], Sorted(problems));
        if (records.Count - 1 > RosterLimits.MaxRows) return Fail(RosterProblems.TooManyRows());
        if (records.Count == 1) return Fail(RosterProblems.NoRows());

        var result = new List<RosterRow>(records.Count - 1);
        foreach (var record in records.Skip(1))
        {
            var row = new RosterRow(record.Line);
            for (var i = 0; i < record.Cells.Count; i++)
            {
                var value = Clean(record.Cells[i]);
                if (i < columns.Length && columns[i] is { } column) row[column] = value;
                else if (value.Length > 0) problems.Add(RosterProblems.ValueWithoutHeader(record.Line, i + 1));
            }
            result.Add(row);
        }
        return new(result, Sorted(problems));
    }

    /// <summary>The problem for a file over <see cref="RosterLimits.MaxFileBytes"/>, for callers that refuse it before reading it all.</summary>
    public static RosterProblem FileTooLarge(long bytes) => RosterProblems.FileTooLarge(bytes);

    private static RosterColumn?[] MapHeader(RosterCells header, List<RosterProblem> problems)
    {
        var columns = new RosterColumn?[header.Cells.Count];
        for (var i = 0; i < columns.Length; i++)
        {
            var name = Clean(header.Cells[i]);
            if (name.Length == 0) continue;
            var column = RosterColumns.Find(name);
            if (column is null) problems.Add(RosterProblems.UnknownColumn(header.Line, name));
            else if (columns.Contains(column)) problems.Add(RosterProblems.DuplicateColumn(header.Line, name, column.Value));
            else columns[i] = column;
        }
        if (!columns.Contains(RosterColumn.Name)) problems.Add(RosterProblems.MissingColumn(header.Line, RosterColumn.Name));
        return columns;
    }

    /// <summary>Trims spaces (the ideographic one too) and a stray byte order mark, and undoes the export's formula guard.</summary>
    private static string Clean(string value)
    {
        var trimmed = value.Trim().Trim('\uFEFF').Trim();
        return trimmed.Length > 1 && trimmed[0] == '\'' && FormulaStarts.Contains(trimmed[1], StringComparison.Ordinal) ? trimmed[1..] : trimmed;
    }

    private static RosterParseResult Fail(RosterProblem problem) => new([], [problem]);

    internal static List<RosterProblem> Sorted(IEnumerable<RosterProblem> problems) =>
        problems.OrderBy(p => p.Line ?? 0).ThenBy(p => p.Column is null ? -1 : ColumnOrder(p.Column)).ToList();

    private static int ColumnOrder(string header) => RosterColumns.Find(header) is { } c ? (int)c : int.MaxValue;
}
