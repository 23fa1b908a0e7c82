using System.Text.Json.Nodes;
using Deliberation.Civic.Audiences;
using Deliberation.Civic.Data;
using Deliberation.Civic.Minutes;
using Deliberation.Engine.Activities;
using Deliberation.Engine.Definitions;
using Deliberation.Engine.Messaging;

namespace Deliberation.Civic.Notifying;

/// <summary>
/// 通知: emails everyone of an audience (resolved as 征询参与者 resolves it) a message whose subject and body are Scriban
/// templates, rendered in the same sandbox as every script (JSON data only, bounded) — e.g.
/// <c>同意 {{ output.ask.tally.counts.yes }} 户</c> — optionally with filed minutes attached (.docx, checked against their
/// recorded SHA-256). One email per person, greeted by name, through the outbox in this step's transaction. Output:
/// <c>{ audience, emailed, withoutEmail, attachments }</c>.
/// </summary>
public sealed class NotifyActivity(ICivicDatabase database, MinutesArchive archive) : Activity
{
    /// <summary>The longest subject.</summary>
    public const int MaxSubjectLength = 200;

    /// <summary>The longest body.</summary>
    public const int MaxBodyLength = 8000;

    /// <inheritdoc/>
    public override ActivityDescriptor Descriptor { get; } = new(
        "Notify", 1, new("通知", "Notify"), GenericSteps.Category,
        [
            new("subject", InputType.Text, new("主题", "Subject"), true, UiHint.SingleLine)
            {
                Syntaxes = [Expression.Scriban],
                Description = new("Scriban 模板，例如：征询结果：{{ output.ask.tally.counts.yes }} 户同意", "A Scriban template, e.g. Result: {{ output.ask.tally.counts.yes }} agree"),
            },
            new("body", InputType.Text, new("正文", "Body"), true, UiHint.MultiLine)
            {
                Syntaxes = [Expression.Scriban],
                Description = new("Scriban 模板；邮件自动加上称呼和“社区居委会”落款。", "A Scriban template; the email adds the greeting and the committee's signature."),
            },
            .. AudienceInputs.All,
            new("attachMinutes", InputType.Text, new("附上会议纪要", "Attach minutes"), false, UiHint.SingleLine)
            {
                Description = new("可选。会议编号或纪要编号（多个用逗号分隔），附上已归档的中文纪要（.docx），如 {{ output.schedule.meetingId }}。",
                    "Optional. Meeting or minutes ids (comma-separated): the filed Chinese minutes (.docx) are attached, e.g. {{ output.schedule.meetingId }}."),
            },
        ],
        ["Done"])
    {
        Description = new("按模板向一组人（楼栋、议事小组、指定人员、组织、角色）发送邮件，可附会议纪要。",
            "Emails a templated message to a group (building, panel, named people, organisations, a role), optionally with minutes attached."),
    };

    /// <inheritdoc/>
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var activity = context.Node.Id;
        var communityId = DeliberationSteps.Community(context);
        var subject = context.GetText("subject")?.Trim();
        if (TextRules.Check(subject, MaxSubjectLength, required: true) is not null)
            throw NotifyFaults.Subject.Fault(("activity", activity), ("max", MaxSubjectLength));
        var body = context.GetText("body")?.Trim();
        if (TextRules.Check(body, MaxBodyLength, required: true, multiline: true) is not null)
            throw NotifyFaults.Body.Fault(("activity", activity), ("max", MaxBodyLength));
        var audience = AudienceInputs.Read(context);
        var minutes = AudienceSpec.ParseIds(context.GetInput("attachMinutes"), "attachMinutes", activity);

        var (count, emailed, attached) = await DeliberationSteps.WriteInStepAsync(context, database, async (db, ct) =>
        {
            var members = await AudienceResolver.ResolveAsync(db, communityId, audience, activity, ct);
            var attachments = await AttachmentsAsync(db, communityId, minutes, activity, ct);
            var emails = members.Where(m => m.Email is not null).Select(m => NotifyEmail.Compose(m.Email!, m.Name, subject!, body!, attachments)).ToList();
            db.QueueEmails(emails, context.Now, context.InstanceId);
            return (members.Count, emails.Count, attachments.Count);
        });
        return ActivityResult.Complete(output: new JsonObject
        {
            ["audience"] = count, ["emailed"] = emailed, ["withoutEmail"] = count - emailed, ["attachments"] = attached,
        });
    }

    /// <summary>The Chinese .docx of the latest filing of each minutes (by its id, or its meeting's), read back against its hash.</summary>
    private async Task<List<EmailAttachment>> AttachmentsAsync(ICivicSession db, Guid communityId, IReadOnlyList<Guid> ids, string activity, CancellationToken ct)
    {
        var attachments = new List<EmailAttachment>();
        foreach (var id in ids)
        {
            var record = (await db.Minutes.AsNoTracking().Where(m => m.CommunityId == communityId && (m.Id == id || m.MeetingId == id)).ToListAsync(ct))
                .OrderBy(m => m.Culture == "zh-CN" ? 0 : 1).ThenByDescending(m => m.FiledAt).FirstOrDefault()
                ?? throw NotifyFaults.MinutesMissing.Fault(("activity", activity), ("value", id));
            var caseNumber = await db.Cases.Where(c => c.Id == record.CaseId).Select(c => c.CaseNumber).FirstOrDefaultAsync(ct);
            var bytes = await archive.ReadAsync(record.DocxPath, record.DocxSha256, ct);
            attachments.Add(new EmailAttachment($"{caseNumber ?? "会议"}-会议纪要.docx", NotifyEmail.DocxType, Convert.ToBase64String(bytes)));
        }
        return attachments;
    }
}
