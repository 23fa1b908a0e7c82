using System.Text.Json.Nodes;
using Deliberation.Civic.Data;
using Deliberation.Engine.Activities;

namespace Deliberation.Civic.Implementation;

/// <summary>
/// The follow-up (回访): asks every representative and party on the case's panel, and a random sample of
/// <c>householdSample</c> affected households, how satisfied they are with what was done —
/// 满意, 基本满意 or 不满意, with a comment — by link, emailed in this step's transaction; answers can change until the
/// window ends. Once all have answered the workflow gets the signal <c>follow-up-complete</c>. Output:
/// <c>{ caseId, asked, emailed, closesAt }</c> — wait for the signal or until <c>closesAt</c>, whichever comes first.
/// </summary>
public sealed class StartFollowUpActivity(ICivicDatabase database, FollowUpStore followUp) : Activity
{
    /// <summary>The default window: seven days.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(7);

    /// <inheritdoc/>
    public override ActivityDescriptor Descriptor { get; } = new(
        "StartFollowUp", 1, new("回访满意度", "Follow up satisfaction"), DeliberationSteps.Category,
        [
            ImplementationSteps.CaseInput,
            new("window", InputType.Duration, new("回访期", "Follow-up window"), false, UiHint.Duration)
                { Description = new("利益代表答复的期限，例如 7d", "How long representatives have to answer, e.g. 7d"), Default = "7d" },
            new("householdSample", InputType.Number, new("抽样回访住户数", "Households sampled"), false, UiHint.SingleLine)
            {
                Description = new($"另从受影响住户中随机抽取多少户回访（0–{FollowUpStore.MaxHouseholdSample}），0 表示不抽样",
                    $"How many affected households are also asked, drawn at random (0–{FollowUpStore.MaxHouseholdSample}); 0 for none"),
                Default = 0,
            },
        ],
        ["Done"])
    {
        Description = new("向案件的利益代表发送满意度回访（满意/基本满意/不满意，可填写意见）；全部答复后发出信号 follow-up-complete。",
            "Asks the case's representatives how satisfied they are (satisfied / fairly / dissatisfied, with a comment); sends follow-up-complete once all answered."),
    };

    /// <inheritdoc/>
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var communityId = DeliberationSteps.Community(context);
        var caseId = DeliberationSteps.RequireId(context, "caseId");
        var window = context.GetDuration("window") ?? DefaultWindow;
        if (window <= TimeSpan.Zero || window > TimeSpan.FromDays(365)) throw DeliberationFaults.FollowUpWindow.Fault();
        var closesAt = context.Now + window;
        var sample = Engine.Expressions.JsonValues.AsNumber(context.GetInput("householdSample")) ?? 0;
        if (sample is < 0 or > FollowUpStore.MaxHouseholdSample || sample != Math.Floor(sample))
            throw DeliberationFaults.HouseholdSample.Fault(("max", FollowUpStore.MaxHouseholdSample));
        var started = await DeliberationSteps.WriteInStepAsync(context, database,
            (db, token) => followUp.StartAsync(db, communityId, caseId, context.InstanceId, closesAt, token, (int)sample));
        return ActivityResult.Complete(output: new JsonObject
        {
            ["caseId"] = caseId.ToString(),
            ["asked"] = started.Asked,
            ["emailed"] = started.Emailed,
            ["householdsSampled"] = started.HouseholdsSampled,
            ["closesAt"] = ImplementationSteps.Iso(started.ClosesAt),
        });
    }
}
