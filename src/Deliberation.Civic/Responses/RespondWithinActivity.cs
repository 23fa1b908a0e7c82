using System.Text.Json.Nodes;
using Deliberation.Civic.Data;
using Deliberation.Engine.Activities;
using Deliberation.Engine.Expressions;
using Deliberation.Engine.Runtime;

namespace Deliberation.Civic.Responses;

/// <summary>
/// Respond within a deadline (限时响应): sends the first level of the ladder (the grid worker) a task by signed link where
/// they mark the matter handled with a short note, and waits for that answer or the level's deadline, whichever comes
/// first. A missed deadline sends the matter one level up — an escalation on the staff dashboard and a task to the next
/// level (the community, then the street office) with a fresh deadline of the same class — and waits again; when the top
/// level misses it too the activity takes <c>Unhandled</c> and the matter stays escalated. When someone marks it handled
/// it takes <c>Handled</c>. Output: <c>{ responseId, handled, level, levelName, levelIndex, respondedAfter,
/// respondedMinutes, escalations, deadlineClass, deadline, reportedAt, handledAt, handledBy }</c>.
/// </summary>
public sealed class RespondWithinActivity(ICivicDatabase database, ResponseStore responses) : Activity
{
    /// <summary>The outcome when someone marked the matter handled.</summary>
    public const string HandledOutcome = "Handled";

    /// <summary>The outcome when the top level missed its deadline too.</summary>
    public const string UnhandledOutcome = "Unhandled";

    private const string AnsweredTag = "answered";
    private const string DeadlineTag = "deadline";

    /// <summary>The palette category of the generic participation activities.</summary>
    public static readonly Engine.Definitions.LocalizedText Category = new("居民参与", "Participation");

    /// <inheritdoc/>
    public override ActivityDescriptor Descriptor { get; } = new(
        "RespondWithin", 1, new("限时响应", "Respond within"), Category,
        [
            new("subject", InputType.Text, new("事项", "Matter"), true, UiHint.SingleLine)
                { Description = new("一行，不超过 200 字，例如 {{ input.subject }}", "One line, at most 200 characters, e.g. {{ input.subject }}") },
            new("description", InputType.Text, new("情况说明", "Description"), false, UiHint.MultiLine)
                { Description = new("可选：报告的具体情况，写进每一级的任务邮件", "Optional: what was reported, written into each level's task email") },
            new("complaintId", InputType.Text, new("问题登记", "Complaint"), false, UiHint.Code)
            {
                Description = new("可选：问题登记的 id。按其楼栋找到网格员；报告时间取其登记时间",
                    "Optional: the complaint's id. Its building finds the grid worker; it was reported when it was logged"),
            },
            new("caseId", InputType.Text, new("议事案件", "Case"), false, UiHint.Code)
                { Description = new("可选：相关的议事案件 id", "Optional: the deliberation case it concerns") },
            new("deadlineClass", InputType.Text, new("时限类别", "Deadline class"), false, UiHint.Dropdown)
            {
                Description = new("emergency 紧急 2小时；on-site 网格即时处理 4小时（“4小时之内处理到位”）；utilities 公用事业 24小时；general 一般 7天；complex 复杂 15天",
                    "emergency 2 h; on-site 4 h (\"handled within 4 hours\"); utilities 24 h; general 7 days; complex 15 days"),
                Options = DeadlineClasses.Codes, Default = DeadlineClasses.OnSite,
            },
            new("deadline", InputType.Duration, new("处理时限（覆盖类别）", "Deadline (overrides the class)"), false, UiHint.Duration)
                { Description = new("可选：每一级的处理时限，例如 4h；留空则按时限类别", "Optional: how long each level has, e.g. 4h; empty for the class's") },
            new("reportedAt", InputType.DateTime, new("报告时间", "Reported at"), false, UiHint.DateTime)
                { Description = new("可选：响应时间从此算起；留空则取问题登记时间或现在", "Optional: the response time runs from here; empty for when the complaint was logged, or now") },
            new("ladder", InputType.Text, new("升级层级", "Ladder"), false, UiHint.SingleLine)
            {
                Description = new("从低到高，以逗号分隔：grid 网格员、community 社区、street 街道", "Lowest first, separated by commas: grid, community, street"),
                Default = ResponseLevels.DefaultLadder,
            },
            new("gridWorkerId", InputType.Text, new("网格员", "Grid worker"), false, UiHint.Code)
                { Description = new("可选：名册中的人员 id；留空则按问题所在楼栋或网格找网格员", "Optional: a person of the roster; empty to find the grid worker of the complaint's building or grid") },
            new("communityPersonIds", InputType.Json, new("社区层级人员", "Community level"), false, UiHint.Json)
                { Description = new("可选：名册中人员 id 的列表；留空则为社区负责人", "Optional: a list of people of the roster; empty for the community lead") },
            new("streetPersonIds", InputType.Json, new("街道层级人员", "Street level"), false, UiHint.Json)
            {
                Description = new("可选：名册中人员 id 的列表；留空则为名册中邮箱属于升级联系人的人员（其余升级联系人收到升级邮件）",
                    "Optional: a list of people of the roster; empty for the people whose email is an escalation contact (the other contacts get the escalation's email)"),
            },
        ],
        [HandledOutcome, UnhandledOutcome])
    {
        Waits = true,
        Description = new("限时处理一个问题：先由网格员处理，逾期未处理则逐级升级（社区、街道），在工作台列为上报事项并邮件通知；记录响应时间和处理层级。",
            "Has a matter handled within its deadline: the grid worker first; when a level misses it, it goes up (community, street office), listed on the dashboard and emailed; records the response time and the level that handled it."),
    };

    /// <inheritdoc/>
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var communityId = DeliberationSteps.Community(context);
        var classCode = context.GetText("deadlineClass");
        var (code, deadline, problem) = DeadlineClasses.Resolve(classCode, context.GetDuration("deadline"));
        if (problem is { } p) throw ResponseFaults.For(p, p == ResponseProblem.DeadlineOutOfRange ? Engine.Activities.Durations.Format(deadline) : classCode ?? "");
        var ladderInput = context.GetInput("ladder");
        var ladder = ResponseLevels.Parse(ladderInput) ?? throw ResponseFaults.For(ResponseProblem.LadderInvalid, JsonValues.AsText(ladderInput) ?? ladderInput?.ToJsonString() ?? "");
        var named = new Dictionary<string, IReadOnlyList<Guid>>(StringComparer.Ordinal)
        {
            [ResponseLevels.Grid] = Ids(context, "gridWorkerId"),
            [ResponseLevels.Community] = Ids(context, "communityPersonIds"),
            [ResponseLevels.Street] = Ids(context, "streetPersonIds"),
        };
        var complaintId = DeliberationSteps.OptionalId(context, "complaintId");
        var caseId = DeliberationSteps.OptionalId(context, "caseId");
        var subject = context.GetText("subject") ?? "";
        var description = context.GetText("description");
        var reportedAt = context.GetDateTime("reportedAt");

        var (response, levels) = await DeliberationSteps.WriteInStepAsync(context, database, async (db, token) =>
        {
            var levels = await ResponseStore.ResolveLadderAsync(db, communityId, ladder, named, complaintId, token);
            var start = new ResponseStart(communityId, context.InstanceId, subject, description, caseId, complaintId, code, deadline, reportedAt, levels);
            return (await responses.StartAsync(db, start, context.Now, token), levels);
        });
        context.State["responseId"] = response.Id.ToString();
        context.State["ladder"] = new JsonArray([.. levels.Select(l => (JsonNode)new JsonObject
        {
            ["code"] = l.Code,
            ["people"] = new JsonArray([.. l.People.Select(id => (JsonNode)JsonValue.Create(id.ToString())!)]),
        })]);
        return Wait(response);
    }

    /// <inheritdoc/>
    public override async ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ResumeContext resume)
    {
        ArgumentNullException.ThrowIfNull(resume);
        var responseId = Guid.Parse((string)context.State["responseId"]!);
        var ladder = Ladder(context.State["ladder"]);
        if (resume.Tag == DeadlineTag)
        {
            var (step, response) = await DeliberationSteps.WriteInStepAsync(context, database,
                (db, token) => responses.OnDeadlineAsync(db, responseId, ladder, context.Now, token));
            return step switch
            {
                ResponseStep.Escalated => Wait(response),
                ResponseStep.Handled => Handled(response),
                _ => ActivityResult.Complete(UnhandledOutcome, Output(response)),
            };
        }
        var current = await DeliberationSteps.WriteInStepAsync(context, database, (db, token) => ResponseStore.LoadAsync(db, responseId, token));
        // Answered: the answer's handler marked it handled in this step's transaction, before this activity resumed.
        return current.HandledAt is null ? Wait(current) : Handled(current);
    }

    private static ActivityResult Handled(TimedResponse response) => ActivityResult.Complete(HandledOutcome, Output(response));

    private static ActivityResult Wait(TimedResponse response) => ActivityResult.Suspend(
        Engine.Activities.BookmarkRequest.ForSignal(ResponseStore.SignalFor(response.Id), AnsweredTag),
        Engine.Activities.BookmarkRequest.ForTimer(response.DueAt, DeadlineTag));

    private static JsonObject Output(TimedResponse response)
    {
        var handled = response.HandledAt is not null;
        var level = handled ? response.HandledLevel ?? response.Level : response.Level;
        var code = response.LevelCode(level);
        var after = response.RespondedAfter();
        return new JsonObject
        {
            ["responseId"] = response.Id.ToString(),
            ["handled"] = handled,
            ["level"] = code,
            ["levelName"] = ResponseStore.LevelName(code),
            ["levelIndex"] = level,
            ["respondedAfter"] = after is { } a ? ResponseTimes.Iso(a) : null,
            ["respondedMinutes"] = after is { } m ? (int)Math.Floor(m.TotalMinutes) : null,
            ["escalations"] = response.Level - 1,
            ["deadlineClass"] = response.DeadlineClass,
            ["deadline"] = Engine.Activities.Durations.Format(response.Deadline()),
            ["reportedAt"] = response.ReportedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["handledAt"] = response.HandledAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["handledBy"] = response.HandledByPersonId?.ToString(),
        };
    }

    /// <summary>Ids from an input: a JSON array of ids, or one text of ids separated by commas; empty for none.</summary>
    /// <exception cref="ActivityFaultException">A value is not an id.</exception>
    private static List<Guid> Ids(ActivityContext context, string input)
    {
        var value = context.GetInput(input);
        IEnumerable<string?> texts = value switch
        {
            null => [],
            JsonArray array => array.Select(JsonValues.AsText),
            _ => (JsonValues.AsText(value) ?? "").Split([',', '，', '、', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        };
        var ids = new List<Guid>();
        foreach (var text in texts.Where(t => !string.IsNullOrWhiteSpace(t)))
            ids.Add(Guid.TryParse(text, out var id) ? id : throw ActivityFaults.InputNotId.Fault(("input", input), ("activity", context.Node.Id)));
        return ids;
    }

    private static List<LadderLevel> Ladder(JsonNode? state) =>
    [
        .. (state as JsonArray ?? []).OfType<JsonObject>().Select(l => new LadderLevel((string)l["code"]!,
            [.. (l["people"] as JsonArray ?? []).Select(p => Guid.Parse((string)p!))])),
    ];
}
