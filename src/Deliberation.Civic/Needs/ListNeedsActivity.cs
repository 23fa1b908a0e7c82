using System.Globalization;
using System.Text.Json.Nodes;
using Deliberation.Civic.Data;
using Deliberation.Civic.Issues;
using Deliberation.Civic.Participation;
using Deliberation.Engine.Activities;
using Deliberation.Engine.Definitions;
using Deliberation.Engine.Expressions;

namespace Deliberation.Civic.Needs;

/// <summary>
/// 查询需求清单: reads the instance's community's needs list into the workflow, best first, so that a later step can offer them
/// (征询参与者's <c>options</c>), publish one or name it in a message. Filters: the status (待发布 by default), the kind
/// (急需解决 / 长期解决) and the kinds of matter of the community's 协商事项指导目录 the feeding complaint must be of. Order:
/// the ranking — a need fed from a complaint scores as its complaint does in <see cref="ComplaintRanking"/> (reporters,
/// urgency, severity, share of households); one entered as a request has no score and comes after — then 急需解决 before
/// 长期解决, then the oldest first. Output (and <c>resultVariable</c>):
/// <c>{ count, total, items: [{ id, title, description, kind, kindName, status, source, complaintId, matter, matterName, score, createdAt, dueAt }], options, ids }</c>,
/// where <c>options</c> are the titles as choices (each once, at most 100 characters) in the same order.
/// </summary>
public sealed class ListNeedsActivity(ICivicDatabase database, MattersCatalogue defaults, RankingOptions ranking) : Activity
{
    /// <summary>The most needs one step lists.</summary>
    public const int MaxLimit = 100;

    private static readonly IReadOnlyList<LocalizedText> StatusLabels =
        [new("待发布", "Open"), new("已发布", "Published"), new("已认领", "Claimed"), new("已完成", "Done"), new("已确认", "Confirmed"), new("已关闭", "Closed")];

    /// <inheritdoc/>
    public override ActivityDescriptor Descriptor { get; } = new(
        "ListNeeds", 1, new("查询需求清单", "List needs"), PublishAndClaimActivity.Category,
        [
            new("status", InputType.Text, new("状态", "Status"), false, UiHint.Dropdown)
                { Options = NeedStatuses.All, OptionLabels = StatusLabels, Default = NeedStatuses.Open, Description = new("只列出此状态的需求", "Only needs in this status") },
            new("kind", InputType.Text, new("类别", "Kind"), false, UiHint.Dropdown)
            {
                Options = NeedKinds.All, OptionLabels = [new("急需解决", "Urgent"), new("长期解决", "Long-term")],
                Description = new("留空为急需解决和长期解决两类", "Leave empty for both"),
            },
            new("matterKinds", InputType.Text, new("事项类别", "Kinds of matter"), false, UiHint.SingleLine)
            {
                Description = new("只列出由这些类别的诉求转入的需求（本社区协商事项指导目录中的代码，如 parking、greenery，逗号分隔）；留空不限",
                    "Only needs fed from complaints of these kinds of matter (codes of the community's catalogue, e.g. parking, greenery; separated by commas); empty for any"),
            },
            new("limit", InputType.Number, new("列出条数", "How many"), false, UiHint.SingleLine)
                { Default = 10, Description = new("排名最前的几条（1–100）", "The best-ranked ones (1–100)") },
            new("resultVariable", InputType.Text, new("保存到变量", "Store result in variable"), false, UiHint.VariablePicker),
        ],
        ["Done"])
    {
        Description = new("按排名列出本社区需求清单中的需求（由诉求转入的按诉求的排名得分，其次急需解决在前、先登记的在前），供后续步骤作为征询选项或发布认领。",
            "Lists the community's needs by the ranking (those fed from complaints by their complaint's score, then urgent first, then the oldest), for a later step to offer as choices or to publish."),
    };

    /// <inheritdoc/>
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var activity = context.Node.Id;
        var communityId = DeliberationSteps.Community(context);
        var status = context.GetText("status")?.Trim() is { Length: > 0 } s ? s : NeedStatuses.Open;
        if (!NeedStatuses.All.Contains(status))
            throw ListNeedsFaults.Status.Fault(("activity", activity), ("value", status), ("statuses", string.Join(", ", NeedStatuses.All)));
        var kind = context.GetText("kind")?.Trim() is { Length: > 0 } k ? k : null;
        if (kind is not null && !NeedKinds.All.Contains(kind))
            throw ListNeedsFaults.Kind.Fault(("activity", activity), ("value", kind), ("kinds", string.Join(", ", NeedKinds.All)));
        var limit = JsonValues.AsNumber(context.GetInput("limit")) ?? 10;
        if (limit is < 1 or > MaxLimit || limit != Math.Floor(limit)) throw ListNeedsFaults.Limit.Fault(("activity", activity), ("max", MaxLimit));
        var matterCodes = (context.GetText("matterKinds") ?? "")
            .Split([',', '，', '、', ';', '；', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();

        await using var db = await database.OpenInStepAsync(context.Step, context.CancellationToken);
        var (catalogue, _) = await CatalogueStore.ReadAsync(db, communityId, defaults, context.CancellationToken);
        if (matterCodes.FirstOrDefault(c => catalogue.Find(c) is null) is { } unknown)
            throw ListNeedsFaults.MatterUnknown.Fault(("activity", activity), ("value", unknown));
        var needs = await db.Needs.Where(n => n.CommunityId == communityId && n.Status == status && (kind == null || n.Kind == kind)).ToListAsync(context.CancellationToken);
        var complaintIds = needs.Where(n => n.ComplaintId is not null).Select(n => n.ComplaintId!.Value).Distinct().ToList();
        var ranked = (await ComplaintStore.RankAsync(db, communityId, db.Complaints.Where(c => c.CommunityId == communityId && complaintIds.Contains(c.Id)),
            ranking, context.CancellationToken)).ToDictionary(r => r.Complaint.Id);
        var rows = needs
            .Select(n => (Need: n, Ranked: n.ComplaintId is { } c ? ranked.GetValueOrDefault(c) : null))
            .Where(r => matterCodes.Count == 0 || (r.Ranked is { } rc && matterCodes.Contains(rc.Complaint.CategoryCode)))
            .OrderByDescending(r => r.Ranked?.Score ?? -1)
            .ThenBy(r => r.Need.Kind == NeedKinds.Urgent ? 0 : 1)
            .ThenBy(r => r.Need.CreatedAt).ThenBy(r => r.Need.Id)
            .ToList();
        var listed = rows.Take((int)limit).ToList();

        var items = new JsonArray();
        var options = new JsonArray();
        var labels = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (need, complaint) in listed)
        {
            var matter = complaint is null ? null : catalogue.Find(complaint.Complaint.CategoryCode);
            items.Add(new JsonObject
            {
                ["id"] = need.Id.ToString(),
                ["title"] = need.Title,
                ["description"] = need.Description,
                ["kind"] = need.Kind,
                ["kindName"] = NeedKinds.ChineseName(need.Kind),
                ["status"] = need.Status,
                ["source"] = need.Source,
                ["complaintId"] = need.ComplaintId?.ToString(),
                ["matter"] = complaint?.Complaint.CategoryCode,
                ["matterName"] = matter?.Zh,
                ["score"] = complaint?.Score,
                ["createdAt"] = need.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
                ["dueAt"] = need.DueAt?.ToString("O", CultureInfo.InvariantCulture),
            });
            options.Add(OptionLabel(need.Title, labels));
        }
        var output = new JsonObject
        {
            ["count"] = listed.Count,
            ["total"] = rows.Count,
            ["items"] = items,
            ["options"] = options,
            ["ids"] = new JsonArray([.. listed.Select(r => (JsonNode)r.Need.Id.ToString())]),
        };
        if (context.GetText("resultVariable")?.Trim() is { Length: > 0 } variable) context.SetVariable(variable, output.DeepClone());
        return ActivityResult.Complete(output: output);
    }

    /// <summary>A title as a choice of a form: at most <see cref="TaskForm.MaxValueLength"/> characters, numbered when it repeats one before it.</summary>
    internal static string OptionLabel(string title, HashSet<string> taken)
    {
        ArgumentNullException.ThrowIfNull(taken);
        var label = Clip(title.Trim(), TaskForm.MaxValueLength);
        for (var n = 2; !taken.Add(label); n++)
        {
            var suffix = $"（{n}）";
            label = Clip(title.Trim(), TaskForm.MaxValueLength - suffix.Length) + suffix;
        }
        return label;
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];
}
