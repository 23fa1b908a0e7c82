using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Deliberation.Civic.Tests.Support;

/// <summary>A cell written as an inline string rather than through the shared string table.</summary>
public sealed record Inline(string Text);

/// <summary>A number cell with its stored text as written, e.g. 89.499999999999986.</summary>
public sealed record RawNumber(string Text);

/// <summary>Builds .xlsx workbooks as Excel stores them: shared strings, inline strings, numbers, sparse cells by reference.</summary>
public static class XlsxBuilder
{
    /// <summary>One worksheet; each row has its sheet row number; null cells are left out (no element at all).</summary>
    public static byte[] Build(params (int Row, object?[] Cells)[] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable();
            var indexes = new Dictionary<string, int>(StringComparer.Ordinal);
            var sheetData = new SheetData();
            foreach (var (number, cells) in rows)
            {
                var row = new Row { RowIndex = (uint)number };
                for (var c = 0; c < cells.Length; c++)
                {
                    if (cells[c] is not { } value) continue;
                    var cell = new Cell { CellReference = Column(c) + number.ToString(CultureInfo.InvariantCulture) };
                    switch (value)
                    {
                        case string s:
                            if (!indexes.TryGetValue(s, out var index))
                            {
                                index = indexes.Count;
                                indexes[s] = index;
                                strings.SharedStringTable.AppendChild(new SharedStringItem(new Text(s) { Space = SpaceProcessingModeValues.Preserve }));
                            }
                            cell.DataType = CellValues.SharedString;
                            cell.CellValue = new CellValue(index.ToString(CultureInfo.InvariantCulture));
                            break;
                        case Inline inline:
                            cell.DataType = CellValues.InlineString;
                            cell.InlineString = new InlineString(new Text(inline.Text));
                            break;
                        case RawNumber raw:
                            cell.CellValue = new CellValue(raw.Text);
                            break;
                        default:
                            cell.CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!);
                            break;
                    }
                    row.AppendChild(cell);
                }
                sheetData.AppendChild(row);
            }
            var worksheet = workbook.AddNewPart<WorksheetPart>();
            worksheet.Worksheet = new Worksheet(sheetData);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(worksheet), SheetId = 1, Name = "名册" }));
        }
        return stream.ToArray();
    }

    private static string Column(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26) name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }
}
