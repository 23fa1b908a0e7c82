using System.Text;
using Deliberation.Civic.Roster;
using Deliberation.Civic.Tests.Support;

namespace Deliberation.Civic.Tests.Roster;

public sealed class RosterParserTests
{
    private const string Header = "网格,楼栋,房号,建筑面积,姓名,角色,邮箱,电话,户代表";

    private static Encoding Gb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }

    [Fact]
    public void Parse_Utf8WithBom_ReadsChineseHeadersAndValues()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes($"{Header}\r\n东苑,1栋,1203,89.5㎡,王小明,居民、楼长,wang@example.com,138-1234-5678,是\r\n")).ToArray();

        var result = RosterParser.Parse(bytes);

        Assert.Empty(result.Problems);
        var row = Assert.Single(result.Rows);
        Assert.Equal(2, row.Line);
        Assert.Equal("东苑", row[RosterColumn.Precinct]);
        Assert.Equal("1栋", row[RosterColumn.Building]);
        Assert.Equal("王小明", row[RosterColumn.Name]);
        Assert.Equal("居民、楼长", row[RosterColumn.Roles]);
        Assert.Equal("是", row[RosterColumn.Representative]);
    }

    [Fact]
    public void Parse_Gb18030Bytes_DecodesAsExcelSavesCsvOnChineseWindows()
    {
        var bytes = Gb18030().GetBytes($"{Header}\r\n西苑,2栋,502,120,欧阳娜娜,,,,否\r\n,,,,张律师,律师,,,\r\n");

        var result = RosterParser.Parse(bytes);

        Assert.Empty(result.Problems);
        Assert.Equal(["欧阳娜娜", "张律师"], result.Rows.Select(r => r[RosterColumn.Name]));
        Assert.Equal("西苑", result.Rows[0][RosterColumn.Precinct]);
        Assert.Equal("律师", result.Rows[1][RosterColumn.Roles]);
    }

    [Fact]
    public void Parse_QuotedFieldsWithLineBreaksAndCommas_CountsPhysicalLines()
    {
        var csv = $"{Header}\n" +
            "东苑,1栋,\"12\n03\",89.5,王小明,\"居民,楼长\",,,是\n" + // lines 2–3
            "\n" + // line 4, empty
            "东苑,1栋,1204,\"1\n\n0\",\"李, 四\",,,,\n" + // lines 5–7
            "东苑,1栋,1205,70,赵六,,,,\n"; // line 8

        var result = RosterParser.Parse(Encoding.UTF8.GetBytes(csv));

        Assert.Empty(result.Problems);
        Assert.Equal([2, 5, 8], result.Rows.Select(r => r.Line));
        Assert.Equal("12\n03", result.Rows[0][RosterColumn.Unit]);
        Assert.Equal("居民,楼长", result.Rows[0][RosterColumn.Roles]);
        Assert.Equal("李, 四", result.Rows[1][RosterColumn.Name]);
    }

    [Fact]
    public void Parse_EnglishAliasesInAnyOrderAndCase_MapsEveryColumn()
    {
        var csv = "Name, EMAIL ,building,Unit,area,Roles,phone,representative,PRECINCT\n王小明,wang@example.com,1栋,1203,89.5,楼长,13812345678,Y,东苑\n";

        var result = RosterParser.Parse(Encoding.UTF8.GetBytes(csv));

        Assert.Empty(result.Problems);
        var row = Assert.Single(result.Rows);
        Assert.Equal("王小明", row[RosterColumn.Name]);
        Assert.Equal("wang@example.com", row[RosterColumn.Email]);
        Assert.Equal("1203", row[RosterColumn.Unit]);
        Assert.Equal("东苑", row[RosterColumn.Precinct]);
        Assert.Equal("Y", row[RosterColumn.Representative]);
    }

    [Fact]
    public void Parse_OnlyNameColumn_OtherColumnsReadEmpty()
    {
        var result = RosterParser.Parse(Encoding.UTF8.GetBytes("姓名\n张律师\n"));

        Assert.Empty(result.Problems);
        Assert.Equal("", Assert.Single(result.Rows)[RosterColumn.Building]);
    }

    [Fact]
    public void Parse_UnknownDuplicateAndMissingColumns_ReportsEachOnTheHeaderLineAndListsKnownColumns()
    {
        var result = RosterParser.Parse(Encoding.UTF8.GetBytes("楼号,楼栋,building\n1栋,1栋,1栋\n"));

        Assert.Empty(result.Rows);
        Assert.All(result.Problems, p => Assert.Equal(1, p.Line));
        var unknown = Assert.Single(result.Problems, p => p.Code == "unknown-column");
        Assert.Equal("楼号", unknown.Column);
        Assert.Contains("网格（precinct）", unknown.MessageZh, StringComparison.Ordinal);
        Assert.Contains("户代表 (representative)", unknown.MessageEn, StringComparison.Ordinal);
        Assert.Contains(result.Problems, p => p.Code == "duplicate-column" && p.Column == "building");
        Assert.Contains(result.Problems, p => p.Code == "missing-column" && p.Column == "姓名");
    }

    [Fact]
    public void Parse_ValueUnderNoHeader_ReportsTheLine()
    {
        var result = RosterParser.Parse(Encoding.UTF8.GetBytes("姓名,\n张三,\n李四,多余\n"));

        var problem = Assert.Single(result.Problems);
        Assert.Equal(("value-without-column", 3), (problem.Code, problem.Line));
    }

    [Fact]
    public void Parse_UnterminatedQuote_ReportsWhereTheRecordStarts()
    {
        var result = RosterParser.Parse(Encoding.UTF8.GetBytes("姓名,楼栋\n张三,1栋\n\"李四,1栋\n王五,1栋\n"));

        var problem = Assert.Single(result.Problems);
        Assert.Equal(("malformed-csv", 3), (problem.Code, problem.Line));
    }

    [Fact]
    public void Parse_HeaderOnly_ReportsNoRows()
    {
        var result = RosterParser.Parse(Encoding.UTF8.GetBytes(Header + "\r\n,,,,,,,,\r\n"));

        Assert.Equal("no-rows", Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void Parse_EmptyFile_ReportsNoHeader()
    {
        Assert.Equal("no-header", Assert.Single(RosterParser.Parse([]).Problems).Code);
    }

    [Fact]
    public void Parse_FileOverFiveMegabytes_OneProblemForTheWholeFile()
    {
        var result = RosterParser.Parse(new byte[RosterLimits.MaxFileBytes + 1]);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(("file-too-large", null), (problem.Code, problem.Line));
    }

    [Fact]
    public void Parse_MoreThanTwentyThousandRows_OneProblemForTheWholeFile()
    {
        var csv = new StringBuilder("姓名,角色\n");
        for (var i = 0; i <= RosterLimits.MaxRows; i++) csv.Append("律师").Append(i).Append(",律师\n");

        var result = RosterParser.Parse(Encoding.UTF8.GetBytes(csv.ToString()));

        Assert.Equal("too-many-rows", Assert.Single(result.Problems).Code);
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void Parse_TwentyThousandRows_Accepted()
    {
        var csv = new StringBuilder("姓名,角色\n");
        for (var i = 0; i < RosterLimits.MaxRows; i++) csv.Append("律师").Append(i).Append(",律师\n");

        var result = RosterParser.Parse(Encoding.UTF8.GetBytes(csv.ToString()));

        Assert.Empty(result.Problems);
        Assert.Equal(RosterLimits.MaxRows + 1, result.Rows[^1].Line);
    }

    [Fact]
    public void Parse_BytesNeitherUtf8NorGb18030_ReportsTheEncoding()
    {
        var result = RosterParser.Parse([0xFF, 0xFE, 0x59, 0x5B, 0x0D, 0x00]);

        Assert.Equal("unknown-encoding", Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void Parse_OldXlsWorkbook_AsksForXlsxOrCsv()
    {
        var result = RosterParser.Parse([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]);

        Assert.Equal("unsupported-format", Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void Parse_DamagedZip_ReportsAnUnreadableWorkbook()
    {
        var result = RosterParser.Parse([.. "PK\x03\x04"u8, .. new byte[100]]);

        Assert.Equal("unreadable-file", Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void Parse_Xlsx_ReadsSharedInlineAndNumberCellsByReferenceWithRowNumbers()
    {
        var bytes = XlsxBuilder.Build(
            (1, ["楼栋", "房号", "建筑面积", "姓名", "角色", "电话", "户代表"]),
            (2, ["1栋", 1203, new RawNumber("89.499999999999986"), new Inline("王小明"), null, 13812345678L, "是"]),
            // Rows 3 and 4 are absent, as Excel leaves rows nobody typed in; row 5 leaves cells out.
            (5, [null, null, null, "张律师", "律师", null, null]),
            (6, [null, null, null, null, null, null, null]));

        var result = RosterParser.Parse(bytes);

        Assert.Empty(result.Problems);
        Assert.Equal([2, 5], result.Rows.Select(r => r.Line));
        var first = result.Rows[0];
        Assert.Equal("1203", first[RosterColumn.Unit]);
        Assert.Equal("89.5", first[RosterColumn.Area]);
        Assert.Equal("王小明", first[RosterColumn.Name]);
        Assert.Equal("13812345678", first[RosterColumn.Phone]);
        Assert.Equal("", first[RosterColumn.Roles]);
        Assert.Equal("", result.Rows[1][RosterColumn.Building]);
        Assert.Equal("律师", result.Rows[1][RosterColumn.Roles]);
    }

    [Fact]
    public void Parse_XlsxHeaderBelowEmptyRows_LinesAreSheetRows()
    {
        var bytes = XlsxBuilder.Build((3, [null, "姓名", "角色"]), (4, [null, "张律师", "律师"]));

        var result = RosterParser.Parse(bytes);

        Assert.Empty(result.Problems);
        Assert.Equal(4, Assert.Single(result.Rows).Line);
    }
}
