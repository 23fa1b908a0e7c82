using CsvHelper;

namespace Deliberation.Civic.Roster;

/// <summary>Reads the records of a CSV roster with their starting lines.</summary>
internal static class RosterCsvReader
{
    /// <summary>Reads every record of <paramref name="text"/>; problems of quoting go to <paramref name="problems"/>.</summary>
    /// <param name="text">The decoded file.</param>
    /// <param name="maxRecords">Stops after this many records: the caller refuses the file past it anyway.</param>
    /// <param name="problems">Where malformed records are reported.</param>
    public static List<RosterCells> Read(string text, int maxRecords, List<RosterProblem> problems)
    {
        var records = new List<RosterCells>();
        var options = CsvReaderOptions.Default with
        {
            // The header is a record like the others here: it is checked and mapped by RosterParser.
            HasHeader = false,
            // Not detected: a roles column like 居民;楼长 could make detection pick the semicolon.
            Separator = ',',
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            // A stray quote inside a value (5"栋) reads as text and harms nothing; a quote left open swallows the rest of the file.
            OnMalformedRecord = record =>
            {
                if (record.Reason != CsvMalformedReason.StrayQuote) problems.Add(RosterProblems.MalformedQuotes((int)record.LineNumber));
            },
        };
        using var reader = CsvReader.FromText(text, options);
        while (records.Count < maxRecords && reader.Read())
        {
            var cells = new string[reader.FieldCount];
            for (var i = 0; i < cells.Length; i++) cells[i] = reader.GetString(i);
            records.Add(new RosterCells((int)reader.LineNumber, cells));
        }
        return records;
    }
}
