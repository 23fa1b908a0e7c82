using Deliberation.Civic.Data;
using Deliberation.Civic.Scheduling;
using Deliberation.Engine.Activities;
using Deliberation.Engine.Definitions;
using Deliberation.Engine.Expressions;
using Deliberation.Engine.Runtime;

namespace Deliberation.Civic;

/// <summary>What the 烦事有计倾 activities share: their palette category and how they read their common inputs.</summary>
internal static class DeliberationSteps
{
    /// <summary>The palette category of the deliberation steps.</summary>
    public static readonly LocalizedText Category = new("烦事有计倾", "Deliberation steps");

    /// <summary>The <c>groupId</c> input every election step has.</summary>
    public static InputDescriptor GroupInput { get; } = new("groupId", InputType.Text, new("利益相关群体", "Affected group"), true, UiHint.Code)
    {
        Description = new("通常为 {{ output.<确定利益相关方的活动 id>.groupId }}", "Usually {{ output.<identify activity id>.groupId }}"),
    };

    /// <summary>The <c>layer</c> input every election step has.</summary>
    public static InputDescriptor LayerInput { get; } = new("layer", InputType.Number, new("推选层级", "Layer"), true, UiHint.Code)
    {
        Description = new("1：各楼栋推选楼栋代表；2：楼栋代表推选利益代表", "1: each building group elects delegates; 2: the delegates elect the representatives"),
        Default = 1,
    };

    /// <summary>The <c>quietHours</c> input of the steps that plan reminders.</summary>
    public static InputDescriptor QuietHoursInput { get; } = new("quietHours", InputType.Text, new("免打扰时段", "Quiet hours"), false, UiHint.SingleLine)
    {
        Default = "22:00-07:00", Description = new("北京时间；此时段内到期的提醒推迟到时段结束", "Beijing time; a reminder due then goes out when they end"),
    };

    /// <summary>The <c>quietHours</c> input (<c>HH:mm-HH:mm</c>, Beijing time); 22:00-07:00 when not given.</summary>
    /// <exception cref="FormatException">The text is not in that form.</exception>
    public static QuietHours QuietHours(ActivityContext context)
    {
        var text = context.GetText("quietHours") ?? "22:00-07:00";
        return Civic.Scheduling.QuietHours.TryParse(text, out var quiet)
            ? quiet
            : throw DeliberationFaults.QuietHours.Fault(("activity", context.Node.Id), ("value", text));
    }

    /// <summary>The community the instance belongs to: the domain rows it writes are that community's.</summary>
    /// <exception cref="InvalidOperationException">The instance was started without a community.</exception>
    public static Guid Community(ActivityContext context) => context.ScopeId
        ?? throw DeliberationFaults.NeedsCommunity.Fault(("activity", context.Node.Id));

    /// <summary>An input holding an id.</summary>
    /// <exception cref="ActivityFaultException">The value is empty or not an id.</exception>
    public static Guid RequireId(ActivityContext context, string name) =>
        OptionalId(context, name) ?? throw ActivityFaults.InputEmpty.Fault(("input", name), ("activity", context.Node.Id));

    /// <summary>An input holding an id, or null when it is empty.</summary>
    /// <exception cref="ActivityFaultException">The value is not an id.</exception>
    public static Guid? OptionalId(ActivityContext context, string name) => context.GetText(name) is { } text && !string.IsNullOrWhiteSpace(text)
        ? Guid.TryParse(text, out var id) ? id : throw ActivityFaults.InputNotId.Fault(("input", name), ("activity", context.Node.Id))
        : null;

    /// <summary>The <c>layer</c> input: 1 or 2.</summary>
    /// <exception cref="InvalidOperationException">Neither 1 nor 2.</exception>
    public static int Layer(ActivityContext context) => JsonValues.AsNumber(context.GetInput("layer")) switch
    {
        1 => 1,
        2 => 2,
        var other => throw DeliberationFaults.Layer.Fault(("activity", context.Node.Id), ("value", other?.ToString() ?? "empty")),
    };

    /// <summary>
    /// Runs a store operation in the step's unit of work: a refusal becomes an incident of the activity and takes back
    /// what it wrote (the operation may change rows with <c>ExecuteUpdate</c>); otherwise its writes commit with the step
    /// and its result is the activity's output.
    /// </summary>
    public static async Task<T> WriteInStepAsync<T>(ActivityContext context, ICivicDatabase database,
        Func<ICivicSession, CancellationToken, Task<T>> operation)
    {
        await using var db = await database.OpenInStepAsync(context.Step, context.CancellationToken);
        var result = await operation(db, context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
        return result;
    }

    /// <summary>Runs domain work in the step's unit of work (see <see cref="WriteInStepAsync{T}(ActivityContext, ICivicDatabase, Func{ICivicSession, CancellationToken, Task{T}})"/>).</summary>
    public static Task WriteInStepAsync(ActivityContext context, ICivicDatabase database, Func<ICivicSession, CancellationToken, Task> operation) =>
        WriteInStepAsync(context, database, async (db, ct) =>
        {
            await operation(db, ct);
            return true;
        });

    /// <summary>
    /// Runs a store operation on each election in the step's unit of work (see <see cref="WriteInStepAsync{T}(ActivityContext, ICivicDatabase, Func{ICivicSession, CancellationToken, Task{T}})"/>):
    /// a refusal (nobody nominated, an empty electorate) becomes an incident of this activity.
    /// </summary>
    public static Task<List<T>> WriteInStepAsync<T>(ActivityContext context, ICivicDatabase database, IReadOnlyList<Guid> electionIds,
        Func<ICivicSession, Guid, CancellationToken, Task<T>> operation) =>
        WriteInStepAsync(context, database, async (db, ct) =>
        {
            var results = new List<T>();
            foreach (var id in electionIds) results.Add(await operation(db, id, ct));
            return results;
        });
}
