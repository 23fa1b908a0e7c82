using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Deliberation.Civic.Data;
using Deliberation.Civic.Implementation;

namespace Deliberation.Civic.Elections;

/// <summary>
/// The community's ledger of deliberation cases (议事台账) as an .xlsx workbook, one row per case, as committees keep it
/// for the street office: number, title, how the stakeholders took part, opened, status, closed, action items done of
/// all, the budget, and the follow-up's result.
/// </summary>
public sealed class CaseLedger(ICivicDatabase database, TimeProvider time)
{
    /// <summary>The most cases one ledger lists.</summary>
    public const int MaxRows = 5000;

    private static readonly string[] Header =
        ["案件编号", "议题", "参与方式", "立案日期", "状态", "结案日期", "责任分工（完成/总数）", "预算合计（元）", "回访（满意/基本满意/不满意/未答复）"];

    /// <summary>The ledger of the cases the case list shows for <paramref name="filter"/>, newest first.</summary>
    public async Task<byte[]> WriteAsync(Guid communityId, CaseFilter filter, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        var query = StakeholderStore.Filtered(db, communityId, filter, time.GetUtcNow());
        var cases = (await query.ToListAsync(cancellationToken)).OrderByDescending(c => c.CreatedAt).Take(MaxRows).ToList();
        var ids = cases.Select(c => c.Id).ToList();
        var items = (await db.ActionItems.Where(i => ids.Contains(i.CaseId)).ToListAsync(cancellationToken)).ToLookup(i => i.CaseId);
        var requests = await db.FollowUpRequests.Where(r => ids.Contains(r.CaseId)).ToListAsync(cancellationToken);
        var taskIds = requests.Select(r => r.TaskId).ToList();
        var answers = await Satisfaction.CurrentAnswersAsync(db, taskIds, cancellationToken);
        var followUps = requests.ToLookup(r => r.CaseId, r => Satisfaction.ChoiceOf(answers.GetValueOrDefault(r.TaskId)));

        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(Header));
            foreach (var c in cases)
            {
                var own = items[c.Id].ToList();
                var asked = followUps[c.Id].ToList();
                var summary = Satisfaction.Summarize(asked);
                data.Append(Row(
                    c.CaseNumber ?? "", c.Title, ModeName(c.StakeholderMode), Date(c.CreatedAt), c.ClosedAt is null ? "进行中" : "已结案",
                    c.ClosedAt is { } closed ? Date(closed) : "",
                    own.Count == 0 ? "" : $"{own.Count(i => i.Status == ActionItemStatuses.Done)}/{own.Count}",
                    own.Any(i => i.Budget is not null) ? own.Sum(i => i.Budget ?? 0).ToString("0.##", CultureInfo.InvariantCulture) : "",
                    asked.Count == 0 ? "" : $"{summary.Satisfied}/{summary.FairlySatisfied}/{summary.Dissatisfied}/{summary.NoAnswer}"));
            }
            sheetPart.Worksheet = new Worksheet(data);
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "议事台账" });
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static string ModeName(string mode) => mode switch
    {
        StakeholderModes.Direct => "住户直接参加",
        StakeholderModes.Parties => "各方单位参加",
        _ => "推选利益代表",
    };

    private static string Date(DateTimeOffset at) => BeijingTime.ToBeijing(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A row of text cells (inline strings, so the workbook needs no shared string table).</summary>
    private static Row Row(params string[] values)
    {
        var row = new Row();
        foreach (var value in values)
            row.Append(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value) { Space = SpaceProcessingModeValues.Preserve }) });
        return row;
    }
}
