using System.Globalization;
using System.Text.Json.Nodes;
using Deliberation.Civic.Data;
using Deliberation.Engine.Activities;

namespace Deliberation.Civic.Elections;

/// <summary>
/// Opens a layer's elections (发起推选) for an affected group: layer 1, one per building group; layer 2, the
/// group's one election among the delegates. Its windows are inputs, so that the workflow JSON decides the
/// timings: nominations close after <c>nominationWindow</c>, the ballot a <c>ballotWindow</c> later, and
/// non-voters are reminded <c>reminderBefore</c> the ballot closes, out of the <c>quietHours</c> (see
/// <see cref="ElectionReminders.Plan"/>). The waits are the workflow's own activities, timed from this activity's output
/// <c>{ groupId, layer, nominationsCloseAt, ballotClosesAt, remind, reminderAt }</c> — the same deadlines the ballot emails
/// quote, and the same reminder time the diagram's timer waits for (<c>reminderAt</c> is the ballot deadline when <c>remind</c> is false).
/// </summary>
public sealed class OpenElectionActivity(ICivicDatabase database, ElectionStore elections) : Activity
{
    /// <inheritdoc/>
    public override ActivityDescriptor Descriptor { get; } = new(
        "OpenElection", 1, new("发起推选", "Open election"), DeliberationSteps.Category,
        [
            DeliberationSteps.GroupInput,
            new("layer", InputType.Number, new("推选层级", "Layer"), false, UiHint.Code)
            {
                Description = new("留空：本群体的下一层（先各楼栋或各单元推选代表，再由代表推选利益代表；无人被提名时重新开放本层）",
                    "Empty: the group's next layer (first each building or entrance elects delegates, then the delegates the representatives; nobody nominated reopens the layer)"),
            },
            new("seats", InputType.Number, new("名额", "Seats"), false, UiHint.SingleLine)
                {
                    Description = new($"每场推选选出 {Election.MinSeats}–{Election.MaxSeats} 名；留空按规模：60 户及以下 1 名，150 户及以下 2 名，更多 3 名",
                        $"{Election.MinSeats}–{Election.MaxSeats} elected per election; empty: by size, 1 up to 60 households, 2 up to 150, 3 above"),
                },
            new("tieRule", InputType.Text, new("平票处理", "Tie rule"), false, UiHint.Dropdown)
                { Description = new("lots：抽签（记录随机种子）；staff：工作人员决定并说明理由", "lots: drawn (seed recorded); staff: decided by staff with a reason"),
                  Options = TieRules.All, Default = TieRules.Lots },
            new("nominationWindow", InputType.Duration, new("提名期", "Nomination window"), true, UiHint.Duration)
                { Description = new("从发起到截止提名，例如 3d", "From opening until nominations close, e.g. 3d") },
            new("ballotWindow", InputType.Duration, new("投票期", "Ballot window"), true, UiHint.Duration)
                { Description = new("从截止提名到投票截止，例如 5d", "From the close of nominations to the ballot deadline, e.g. 5d") },
            new("reminderBefore", InputType.Duration, new("提前提醒", "Remind before"), false, UiHint.Duration)
                { Description = new("投票截止前多久提醒未投票者，例如 1d", "How long before the deadline non-voters are reminded, e.g. 1d"), Default = "24h" },
            DeliberationSteps.QuietHoursInput,
        ],
        ["Done"])
    {
        Description = new("发起本层推选，记录提名和投票截止时间，邀请投票人提名；本层已发起时（无人被提名）重新开放提名。等待由流程图中的“等待到指定时间”完成。",
            "Opens the layer's elections, records the nomination and ballot deadlines and invites the voters to nominate; for a layer open already (nobody nominated) it reopens nominations. The waits are the diagram's Wait until activities."),
    };

    /// <inheritdoc/>
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var communityId = DeliberationSteps.Community(context);
        var groupId = DeliberationSteps.RequireId(context, "groupId");
        int? givenLayer = context.GetInput("layer") is null ? null : DeliberationSteps.Layer(context);
        var seats = Seats(context.GetInput("seats"));
        var nominations = context.GetDuration("nominationWindow") ?? throw Missing(context, "nominationWindow");
        var ballot = context.GetDuration("ballotWindow") ?? throw Missing(context, "ballotWindow");
        var reminderBefore = context.GetDuration("reminderBefore") ?? ElectionStore.DefaultReminderBefore;
        var quiet = DeliberationSteps.QuietHours(context);
        var nominationsCloseAt = context.Now + nominations;
        var ballotClosesAt = nominationsCloseAt + ballot;
        // The same plan the store records on the elections, so the diagram's timer is the reminder staff see.
        var reminderAt = ElectionReminders.Plan(nominationsCloseAt, ballotClosesAt, reminderBefore, quiet);
        var settings = new ElectionSettings(seats, nominationsCloseAt, ballotClosesAt, reminderBefore, context.GetText("tieRule"), null, QuietHours: quiet,
            SeatsBySize: seats is null);

        // The inputs are checked here, so that a bad value is an incident of this activity. What depends on the group's
        // state (a group taking part directly, layer 1 not counted) is checked by the store at commit: the group, or the
        // count of layer 1, is often written earlier in this same step and not visible to a read yet.
        if (nominations <= TimeSpan.Zero || ballot <= TimeSpan.Zero) throw DeliberationFaults.ElectionWindows.Fault();
        if (seats is < Election.MinSeats or > Election.MaxSeats) throw DeliberationFaults.Seats.Fault(("min", Election.MinSeats), ("max", Election.MaxSeats));
        if (settings.TieRule is { } rule && !TieRules.All.Contains(rule)) throw DeliberationFaults.TieRule.Fault(("rules", string.Join(", ", TieRules.All)));
        if (reminderBefore < TimeSpan.Zero || reminderBefore > TimeSpan.FromDays(30)) throw DeliberationFaults.ElectionRemindBefore.Fault();
        var layer = await DeliberationSteps.WriteInStepAsync(context, database, async (db, token) =>
        {
            var opened = await db.Elections.Where(e => e.GroupId == groupId && e.CommunityId == communityId)
                .Select(e => new { e.Layer, e.Status }).ToListAsync(token);
            var layer = givenLayer ?? NextLayer(opened.Select(e => (e.Layer, e.Status)).ToList());
            if (layer > 2) throw DeliberationFaults.Layer.Fault(("activity", context.Node.Id), ("value", layer));
            // Run again for a layer that is open already, it reopens the nominations: the workflow's path when nobody was nominated.
            if (opened.Any(e => e.Layer == layer)) await elections.ReopenNominationsAsync(db, communityId, groupId, layer, settings, token);
            else await OpenAsync(db, communityId, groupId, layer, settings, token);
            return layer;
        });
        return ActivityResult.Complete(output: new JsonObject
        {
            ["groupId"] = groupId.ToString(),
            ["layer"] = layer,
            ["nominationsCloseAt"] = Iso(nominationsCloseAt),
            ["ballotClosesAt"] = Iso(ballotClosesAt),
            ["remind"] = reminderAt is not null,
            // Without a reminder, the deadline: a diagram of an older version, with no If on remind, then waits until the
            // deadline, when RemindVoters finds no open ballot and reminds nobody, instead of failing on an empty time.
            ["reminderAt"] = Iso(reminderAt ?? ballotClosesAt),
        });
    }

    /// <summary>
    /// The layer to open when the diagram names none: layer 1 first; a layer still taking nominations again (nobody was
    /// nominated); after a counted layer 1, layer 2 (the store refuses it for a group that does not elect in two layers).
    /// </summary>
    private static int NextLayer(List<(int Layer, string Status)> opened)
    {
        if (opened.Count == 0) return 1;
        var last = opened.Max(e => e.Layer);
        return opened.Any(e => e.Layer == last && e.Status == ElectionStatuses.Nominating) ? last : last + 1;
    }

    private Task OpenAsync(ICivicSession db, Guid communityId, Guid groupId, int layer, ElectionSettings settings, CancellationToken cancellationToken) =>
        layer == 1
            ? elections.OpenFirstLayerAsync(db, communityId, groupId, settings, cancellationToken)
            : elections.OpenSecondLayerAsync(db, communityId, groupId, settings, cancellationToken);

    private static int? Seats(JsonNode? node) => Engine.Expressions.JsonValues.AsNumber(node) is { } n ? (int)n : null;

    private static string Iso(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    private static InvalidOperationException Missing(ActivityContext context, string name) =>
        new($"Input '{name}' of activity '{context.Node.Id}' is required: a duration such as 3d.");
}
