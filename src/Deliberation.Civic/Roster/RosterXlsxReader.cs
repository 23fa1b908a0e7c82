using System.Globalization;
using System.IO.Packaging;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Deliberation.Civic.Roster;

/// <summary>Reads the rows of the first worksheet of an .xlsx roster, with their row numbers.</summary>
internal static class RosterXlsxReader
{
    // A 5 MB workbook can unzip to far more; the parts are read as a stream, and this bounds what one part may hold.
    private const long MaxCharactersInPart = 100_000_000;

    /// <summary>Reads the rows, or returns null when the workbook cannot be read.</summary>
    /// <param name="bytes">The file.</param>
    /// <param name="maxRecords">Stops after this many non-empty rows: the caller refuses the file past it anyway.</param>
    public static List<RosterCells>? Read(byte[] bytes, int maxRecords)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var document = SpreadsheetDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = MaxCharactersInPart });
            var workbook = document.WorkbookPart;
            var sheet = workbook?.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault();
            if (workbook is null || sheet?.Id?.Value is not { } sheetId || workbook.GetPartById(sheetId) is not WorksheetPart worksheet) return null;
            var strings = SharedStrings(workbook);
            return Rows(worksheet, strings, maxRecords);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException
            or InvalidOperationException or ArgumentException or System.Xml.XmlException or KeyNotFoundException)
        {
            return null;
        }
    }

    private static List<string> SharedStrings(WorkbookPart workbook)
    {
        var strings = new List<string>();
        if (workbook.SharedStringTablePart is not { } part) return strings;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
                strings.Add(TextOf(reader.LoadCurrentElement()!));
        }
        return strings;
    }

    private static List<RosterCells> Rows(WorksheetPart worksheet, List<string> strings, int maxRecords)
    {
        var rows = new List<RosterCells>();
        var previousRow = 0;
        using var reader = OpenXmlReader.Create(worksheet);
        while (rows.Count < maxRecords && reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement) continue;
            var row = (Row)reader.LoadCurrentElement()!;
            // Both the row index and cell references are optional in the format: absent, they follow the previous one.
            var number = row.RowIndex?.Value is { } index ? (int)index : previousRow + 1;
            previousRow = number;
            var cells = new List<string>();
            var previousColumn = -1;
            foreach (var cell in row.Elements<Cell>())
            {
                var column = ColumnIndex(cell.CellReference?.Value) ?? previousColumn + 1;
                previousColumn = column;
                while (cells.Count <= column) cells.Add("");
                cells[column] = ValueOf(cell, strings);
            }
            if (cells.Any(c => c.Trim().Length > 0)) rows.Add(new RosterCells(number, cells));
        }
        return rows;
    }

    private static string ValueOf(Cell cell, List<string> strings)
    {
        var raw = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < strings.Count ? strings[i] : "";
        if (type == CellValues.InlineString) return cell.InlineString is { } inline ? TextOf(inline) : "";
        if (type is null || type == CellValues.Number) return Number(raw);
        // Booleans (1/0), formula strings, errors and ISO dates are kept as written.
        return raw;
    }

    /// <summary>
    /// Numbers are stored in binary floating point: 89.5 may be written 89.499999999999986. Fifteen
    /// significant digits give back what the user typed; integers (units, phone numbers) are kept as written.
    /// </summary>
    private static string Number(string raw)
    {
        if (raw.AsSpan().IndexOfAny(".eE") < 0) return raw;
        return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d.ToString("G15", CultureInfo.InvariantCulture) : raw;
    }

    /// <summary>The text of a string item: its plain text or its rich-text runs, without phonetic guides.</summary>
    private static string TextOf(OpenXmlElement item)
    {
        var text = string.Concat(item.Elements<Text>().Select(t => t.Text));
        return text + string.Concat(item.Elements<Run>().Select(r => r.Text?.Text));
    }

    /// <summary>The zero-based column of a reference such as <c>C12</c>.</summary>
    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var column = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c)) break;
            column = column * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
            letters++;
            if (letters > 3) return null;
        }
        return letters == 0 ? null : column - 1;
    }
}
