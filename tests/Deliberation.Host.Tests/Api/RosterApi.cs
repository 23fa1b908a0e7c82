using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Deliberation.Host.Tests.Api;

/// <summary>Calls of the communities API that the roster tests share, and the files they upload.</summary>
public static class RosterApi
{
    public const string Header = "网格,楼栋,房号,建筑面积,姓名,角色,邮箱,电话,户代表";

    /// <summary>The export's header: every column, the compound (小区) and entrance (单元) too.</summary>
    public const string ExportHeader = "网格,小区,楼栋,单元,房号,建筑面积,姓名,角色,邮箱,电话,户代表";

    /// <summary>Two households (one with two people), a lawyer without a household; phones with separators.</summary>
    public static readonly string ValidRoster =
        Header + "\r\n" +
        "东苑,1栋,1203,89.5㎡,王小明,居民、楼长,wang@example.com,138-1234-5678,是\r\n" +
        "东苑,1栋,1203,89.5,王小红,,,,否\r\n" +
        "西苑,2栋,301,75,欧阳娜娜,,,13900001111,是\r\n" +
        ",,,,张律师,律师,zhang@lawfirm.example.cn,0755-1234567,\r\n";

    public static Encoding Gbk()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }

    /// <summary>A community with precincts 东苑 and 西苑 and building groups 1栋 (东苑) and 2栋 (西苑).</summary>
    public static async Task<(string Id, string Building1, string Building2)> CreateCommunityAsync(HttpClient client, string code)
    {
        var created = await client.PostAsJsonAsync("/api/communities", new { code, name = "大龙社区", escalationEmails = "jiedao@example.gov.cn" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        foreach (var precinct in new[] { "东苑", "西苑" })
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/communities/{id}/precincts", new { name = precinct })).StatusCode);
        var precincts = await client.GetFromJsonAsync<JsonArray>($"/api/communities/{id}/precincts");
        var east = (string)precincts!.Single(p => (string)p!["name"]! == "东苑")!["id"]!;
        var b1 = await client.PostAsJsonAsync($"/api/communities/{id}/building-groups", new { precinctId = east, name = "1栋" });
        var b2 = await client.PostAsJsonAsync($"/api/communities/{id}/building-groups", new { precinctName = "西苑", name = "2栋" });
        Assert.Equal(HttpStatusCode.Created, b1.StatusCode);
        Assert.Equal(HttpStatusCode.Created, b2.StatusCode);
        return (id, (string)(await b1.Content.ReadFromJsonAsync<JsonObject>())!["id"]!, (string)(await b2.Content.ReadFromJsonAsync<JsonObject>())!["id"]!);
    }

    public static async Task<HttpResponseMessage> ImportAsync(HttpClient client, string communityId, byte[] file, string fileName, string? language = null)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".xlsx", StringComparison.Ordinal)
            ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
        form.Add(content, "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/communities/{communityId}/roster/import") { Content = form };
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        return await client.SendAsync(request);
    }

    public static async Task<JsonArray> PeopleAsync(HttpClient client, string communityId, string query = "")
    {
        var page = await client.GetFromJsonAsync<JsonObject>($"/api/communities/{communityId}/people{query}");
        return page!["items"]!.AsArray();
    }

    public static List<string> Describe(JsonArray people) => people.Select(p =>
        $"{p!["buildingGroupName"]}|{p["unit"]}|{p["floorArea"]}|{p["name"]}|{string.Join("+", p["roles"]!.AsArray().Select(r => (string)r!))}|" +
        $"{p["email"]}|{p["phone"]}|{p["isHouseholdRepresentative"]}").ToList();

    /// <summary>A workbook as Excel writes one: strings in the shared string table, numbers as numbers, empty cells left out.</summary>
    public static byte[] Workbook(params object?[][] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable();
            var sheetData = new SheetData();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    if (rows[r][c] is not { } value) continue;
                    var cell = new Cell { CellReference = $"{(char)('A' + c)}{r + 1}" };
                    if (value is string s)
                    {
                        strings.SharedStringTable.AppendChild(new SharedStringItem(new Text(s)));
                        cell.DataType = CellValues.SharedString;
                        cell.CellValue = new CellValue((strings.SharedStringTable.ChildElements.Count - 1).ToString(CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        cell.CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!);
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
}
