using System.Text.Json.Nodes;
using Deliberation.Civic;
using Deliberation.Civic.Communities;
using Deliberation.Civic.Data;
using Deliberation.Civic.Decisions;
using Deliberation.Civic.Implementation;
using Deliberation.Civic.Meetings;
using Deliberation.Engine.Activities;
using Deliberation.Engine.Messaging;

namespace Deliberation.Civic.Minutes;

/// <summary>
/// Files a closed meeting's minutes (会议纪要): renders the zh-CN and English Scriban templates from what meeting
/// mode recorded, writes Markdown and .docx under <c>{archive}/{community}/{year}/{case}/</c>, records each filing
/// with its SHA-256, and emails the Chinese minutes (with the .docx) to every participant. A template that fails
/// raises an incident on this activity: fix the template and retry; nothing is filed or sent until it renders.
/// Output: <c>{ meetingId, files: [{ culture, markdownPath, markdownSha256, docxPath, docxSha256 }], emailed }</c>.
/// </summary>
public sealed class FileMinutesActivity(ICivicDatabase database, ITemplateRenderer templates, MinutesArchive archive) : Activity
{
    /// <inheritdoc/>
    public override ActivityDescriptor Descriptor { get; } = new(
        "FileMinutes", 1, new("归档会议纪要", "File the minutes"), DeliberationSteps.Category,
        [
            MeetingSteps.MeetingInput,
            new("template", InputType.Text, new("中文模板", "Chinese template"), false, UiHint.SingleLine) { Default = "minutes.zh-CN.scriban" },
            new("englishTemplate", InputType.Text, new("英文模板", "English template"), false, UiHint.SingleLine) { Default = "minutes.en.scriban" },
            new("noticePlan", InputType.Text, new("公示安排", "Public-notice plan"), false, UiHint.MultiLine)
                { Default = "决议在小区公告栏及楼栋群公示 7 天。" },
            new("followUpPlan", InputType.Text, new("回访安排", "Follow-up plan"), false, UiHint.MultiLine)
                { Default = "全部事项完成后，社区向各利益相关方代表回访满意度。" },
            new("emailParticipants", InputType.Boolean, new("发给参会人员", "Email the participants"), false, UiHint.Checkbox)
            {
                Description = new("归档后把纪要发给全体参会人员；其后有“纪要确认”时不勾选，由纪要确认发出草稿和定稿",
                    "Email the minutes to every participant once filed; leave it off when 纪要确认 follows, which sends the draft and the sealed minutes"),
                Default = true,
            },
        ],
        ["Done"])
    {
        Description = new("按模板生成中英文会议纪要（Markdown 与 Word），归档并记录哈希，发送给全体参会人。",
            "Renders the minutes in Chinese and English (Markdown and Word), files them with their hashes and emails every participant."),
    };

    /// <inheritdoc/>
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var now = context.Now;
        var ct = context.CancellationToken;
        await using var read = await database.OpenInStepAsync(context.Step, context.CancellationToken);
        var meeting = await MeetingSteps.LoadAsync(read, context);
        if (meeting.Status != MeetingStatuses.Closed) throw DeliberationFaults.MeetingNotClosed.Fault(("meeting", meeting.Id), ("status", meeting.Status));
        var deliberation = await read.Cases.SingleAsync(c => c.Id == meeting.CaseId, ct);
        var community = await read.Communities.SingleAsync(c => c.Id == meeting.CommunityId, ct);
        var model = await BuildModelAsync(read, meeting, deliberation, context.GetText("noticePlan"), context.GetText("followUpPlan"), ct);

        var caseFolder = deliberation.CaseNumber ?? $"case-{deliberation.Id:N}";
        var heldAt = meeting.StartsAt ?? meeting.ClosedAt ?? now;
        var filed = new List<(string Culture, string Markdown, ArchivedMinutes Files)>();
        foreach (var (culture, input, fallback) in new[] { ("zh-CN", "template", "minutes.zh-CN.scriban"), ("en", "englishTemplate", "minutes.en.scriban") })
        {
            var name = context.GetText(input) is { Length: > 0 } given ? given.Trim() : fallback;
            var markdown = await templates.RenderAsync(name, model, context.ScriptModel, ct);
            filed.Add((culture, markdown, await archive.FileAsync(community.Code, caseFolder, heldAt, culture, markdown, meeting.Round, ct)));
        }

        var roll = await MeetingRecords.RollAsync(read, meeting, ct);
        var chinese = filed[0];
        var docx = chinese.Files.DocxContent;
        var emails = !context.GetBoolean("emailParticipants") ? [] : roll.Where(m => m.Email is { } e && EmailAddresses.IsValid(e))
            .Select(m => MeetingEmails.Minutes(m.Email!, m.Name, meeting, caseFolder, chinese.Markdown, docx))
            .ToList();
        var records = filed.Select(f => new MinutesRecord
        {
            Id = Guid.CreateVersion7(now), CommunityId = meeting.CommunityId, CaseId = meeting.CaseId, MeetingId = meeting.Id, Culture = f.Culture,
            MarkdownPath = f.Files.Markdown.Path, MarkdownSha256 = f.Files.Markdown.Sha256,
            DocxPath = f.Files.Docx.Path, DocxSha256 = f.Files.Docx.Sha256, FiledAt = now,
        }).ToList();
        var resolutions = await read.MeetingResolutions.Where(r => r.MeetingId == meeting.Id).OrderBy(r => r.RecordedAt).Select(r => r.Text).ToListAsync(ct);
        await DeliberationSteps.WriteInStepAsync(context, database, async (db, token) =>
        {
            // A retried filing replaces the earlier record of the same meeting and language.
            await db.Minutes.Where(m => m.MeetingId == meeting.Id).ExecuteDeleteAsync(token);
            db.Minutes.AddRange(records);
            db.QueueEmails(emails, now, context.InstanceId);
            // The resolution's public notice (决议公示) for the wall, taking comments for the usual notice period.
            Notices.NoticeStore.Post(db, meeting.CommunityId, Notices.NoticeKinds.Result, deliberation.CaseNumber ?? "",
                Notices.ResultNotice.Title(community.Name, deliberation.Title),
                Notices.ResultNotice.Text(community.Name, deliberation.CaseNumber, deliberation.Title, heldAt, resolutions, context.GetText("noticePlan")),
                now, now + Notices.NoticeStore.DefaultNoticePeriod, context.InstanceId);
            await db.SaveChangesAsync(token);
        });
        return ActivityResult.Complete(output: new JsonObject
        {
            ["meetingId"] = meeting.Id.ToString(),
            ["files"] = new JsonArray([.. records.Select(r => (JsonNode)new JsonObject
            {
                ["culture"] = r.Culture, ["markdownPath"] = r.MarkdownPath, ["markdownSha256"] = r.MarkdownSha256,
                ["docxPath"] = r.DocxPath, ["docxSha256"] = r.DocxSha256,
            })]),
            ["emailed"] = emails.Count,
        });
    }

    /// <summary>The minutes model (workflows/README.md, "Minutes model") from what meeting mode recorded.</summary>
    internal static async Task<JsonObject> BuildModelAsync(ICivicSession db, Meeting meeting, Civic.Elections.DeliberationCase deliberation,
        string? noticePlan, string? followUpPlan, CancellationToken ct)
    {
        var roll = await MeetingRecords.RollAsync(db, meeting, ct);
        var attendance = await db.MeetingAttendance.Where(a => a.MeetingId == meeting.Id).ToDictionaryAsync(a => a.PersonId, a => a.Present, ct);
        bool Present(RollMember m) => attendance.TryGetValue(m.PersonId, out var p) && p;
        var names = roll.ToDictionary(m => m.PersonId, m => m.Label);
        var present = roll.Where(m => m.Votes && Present(m)).Select(m => m.Label);
        var absent = roll.Where(m => m.Votes && !Present(m)).Select(m => m.Label);
        var attending = roll.Where(m => !m.Votes && Present(m)).Select(m => m.Label);

        var complaint = deliberation.ComplaintId is { } complaintId ? await db.Complaints.FirstOrDefaultAsync(c => c.Id == complaintId, ct) : null;
        var points = await db.MeetingPoints.Where(p => p.MeetingId == meeting.Id).OrderBy(p => p.RecordedAt).ToListAsync(ct);
        var proposals = await db.Proposals.Where(p => p.MeetingId == meeting.Id && p.Discussed).OrderBy(p => p.SubmittedAt).ToListAsync(ct);
        var resolutions = await db.MeetingResolutions.Where(r => r.MeetingId == meeting.Id).OrderBy(r => r.RecordedAt).ToListAsync(ct);
        // The case's closed votes: the meeting's last decides; every earlier round, at this meeting or an earlier one, is
        // kept with who objected and why.
        var caseVotes = (await db.MeetingVotes.Where(v => v.CaseId == meeting.CaseId && v.Status == VoteStatuses.Closed).ToListAsync(ct))
            .OrderBy(v => v.ClosedAt).ToList();
        var vote = caseVotes.LastOrDefault(v => v.MeetingId == meeting.Id);
        var earlier = caseVotes.Where(v => v.Id != vote?.Id).ToList();
        var meetingRounds = (await db.Meetings.Where(m => m.CaseId == meeting.CaseId).Select(m => new { m.Id, m.Round }).ToListAsync(ct))
            .ToDictionary(m => m.Id, m => m.Round);
        var earlierIds = earlier.Select(v => v.Id).ToList();
        var earlierObjections = (await db.VoteBallots.Where(b => earlierIds.Contains(b.VoteId)).ToListAsync(ct))
            .Where(b => b.Choice is BallotChoices.No or BallotChoices.Block or BallotChoices.StandAside).OrderBy(b => b.RecordedAt).ToList();
        var objectorIds = earlierObjections.Select(b => b.PersonId).Where(id => !names.ContainsKey(id)).Distinct().ToList();
        var formerNames = await db.People.Where(p => objectorIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        string NameOf(Guid personId) => names.TryGetValue(personId, out var label) ? label : formerNames.GetValueOrDefault(personId, "?");

        JsonObject decision;
        var dissent = new JsonArray();
        if (vote is null)
        {
            decision = new JsonObject { ["rule"] = "", ["explanationZh"] = "本次会议未进行表决。", ["explanationEn"] = "No vote was held.", ["passed"] = false };
        }
        else
        {
            var result = (JsonObject)JsonNode.Parse(vote.Result!)!;
            decision = new JsonObject
            {
                ["rule"] = (string?)result["rule"],
                ["question"] = vote.Question,
                ["explanationZh"] = (string?)result["explanationZh"],
                ["explanationEn"] = (string?)result["explanationEn"],
                ["passed"] = vote.Passed == true,
            };
            if ((string?)result["rule"] != DecisionRules.CoOwners)
            {
                decision["figures"] = new JsonObject
                {
                    ["eligible"] = (int)result["eligible"]!, ["present"] = (int)result["present"]!, ["yes"] = (int)result["yes"]!, ["no"] = (int)result["no"]!,
                    ["abstentions"] = (int)result["abstentions"]!, ["blocks"] = (int)result["blocks"]!, ["standAsides"] = (int)result["standAsides"]!,
                };
            }
            var ballots = await db.VoteBallots.Where(b => b.VoteId == vote.Id).ToListAsync(ct);
            foreach (var ballot in ballots.Where(b => b.Choice is BallotChoices.No or BallotChoices.Block or BallotChoices.StandAside).OrderBy(b => b.RecordedAt))
            {
                dissent.Add(new JsonObject
                {
                    ["name"] = $"{NameOf(ballot.PersonId)}（{Stance(ballot.Choice)}）",
                    ["reason"] = ballot.Reason,
                });
            }
        }

        var pointTexts = new JsonArray();
        foreach (var proposal in proposals)
            pointTexts.Add($"提案“{proposal.Title}”" + (proposal.PersonId is { } by && names.TryGetValue(by, out var proposer) ? $"（{proposer}提出）" : "")
                + (BodyBeyondTitle(proposal.Title, proposal.Body) is { Length: > 0 } body ? $"：{body}" : ""));
        foreach (var point in points)
            pointTexts.Add((point.PersonId is { } who && names.TryGetValue(who, out var speaker) ? $"{speaker}：" : "") + OneLine(point.Text));

        var actions = new JsonArray();
        var funding = new JsonArray();
        var items = await ActionItemsForMinutes.ReadAsync(db, meeting, ct);
        foreach (var item in items)
            actions.Add(new JsonObject { ["party"] = item.Party, ["task"] = item.Task, ["due"] = item.Due });
        // The resolution's funding: each source's total over the items, then their sum, then any source given only in words.
        var bySource = items.SelectMany(i => i.Shares).GroupBy(s => (s.Source, s.Detail)).Select(g => new FundingShare
        {
            Source = g.Key.Source, Detail = g.Key.Detail, Amount = g.Sum(s => s.Amount), Position = g.Min(s => s.Position),
        }).ToList();
        foreach (var share in bySource.OrderByDescending(s => s.Amount).ThenBy(s => s.Position)) funding.Add(FundingSources.Describe(share));
        if (bySource.Count > 1) funding.Add($"合计 {Money.Yuan(bySource.Sum(s => s.Amount))} 元");
        foreach (var item in items)
            if (item.Funding is { Length: > 0 } f && !funding.Any(x => (string?)x == f)) funding.Add(f);

        // Everything in the model is written into Markdown: people's words stay words (no links, images or headings).
        return (JsonObject)MarkdownText.EscapeAll(new JsonObject
        {
            ["meeting"] = new JsonObject
            {
                ["name"] = meeting.Name,
                ["round"] = meeting.Round,
                ["startsAt"] = meeting.StartsAt is { } s ? BeijingTime.FormatChinese(s) : "",
                ["place"] = meeting.Place,
                ["chair"] = meeting.Chair ?? "",
                ["recorder"] = meeting.Recorder ?? "",
            },
            ["present"] = new JsonArray([.. present.Select(p => (JsonNode)p)]),
            ["absent"] = new JsonArray([.. absent.Select(p => (JsonNode)p)]),
            ["attending"] = new JsonArray([.. attending.Select(p => (JsonNode)p)]),
            ["issue"] = new JsonObject
            {
                ["caseNumber"] = deliberation.CaseNumber ?? "",
                ["title"] = deliberation.Title,
                ["background"] = complaint is null ? null : OneLine(complaint.Description),
            },
            ["points"] = pointTexts,
            ["decision"] = decision,
            ["earlierVotes"] = new JsonArray([.. earlier.Select(v => (JsonNode)new JsonObject
            {
                ["meetingRound"] = meetingRounds.GetValueOrDefault(v.MeetingId, meeting.Round),
                ["atThisMeeting"] = v.MeetingId == meeting.Id,
                ["question"] = v.Question,
                ["passed"] = v.Passed == true,
                ["explanationZh"] = (string?)JsonNode.Parse(v.Result ?? "{}")?["explanationZh"],
                ["explanationEn"] = (string?)JsonNode.Parse(v.Result ?? "{}")?["explanationEn"],
                ["objections"] = new JsonArray([.. earlierObjections.Where(b => b.VoteId == v.Id).Select(b => (JsonNode)new JsonObject
                {
                    ["name"] = $"{NameOf(b.PersonId)}（{Stance(b.Choice)}）",
                    ["reason"] = b.Reason,
                })]),
            })]),
            ["dissent"] = dissent,
            ["resolutions"] = new JsonArray([.. resolutions.Select(r => (JsonNode)OneLine(r.Text))]),
            // Each resolution's parties by the organisation's name, in the order of resolutions[]; then every party once.
            ["resolutionParties"] = new JsonArray([.. resolutions.Select(r => (JsonNode)new JsonArray([.. ResolutionParty.Read(r).Select(p => (JsonNode)OneLine(p.Name))]))]),
            ["parties"] = new JsonArray([.. resolutions.SelectMany(ResolutionParty.Read).Select(p => OneLine(p.Name)).Distinct(StringComparer.Ordinal).Select(n => (JsonNode)n)]),
            ["actions"] = actions,
            ["funding"] = funding,
            ["notice"] = new JsonObject { ["plan"] = string.IsNullOrWhiteSpace(noticePlan) ? null : OneLine(noticePlan) },
            ["followUp"] = new JsonObject { ["plan"] = string.IsNullOrWhiteSpace(followUpPlan) ? null : OneLine(followUpPlan) },
        })!;
    }

    /// <summary>
    /// A proposal's body without its title repeated: one sent by link has its first line as the title and the whole text
    /// as the body, which the minutes would otherwise print twice.
    /// </summary>
    private static string BodyBeyondTitle(string title, string? body)
    {
        var text = OneLine(body ?? "");
        var heading = OneLine(title);
        if (heading.Length > 0 && text.StartsWith(heading, StringComparison.Ordinal)) text = text[heading.Length..].TrimStart(' ', '：', ':', '，', ',', '。', '.', '；', ';');
        return text;
    }

    private static string Stance(string choice) => choice switch { BallotChoices.No => "反对", BallotChoices.Block => "阻止", _ => "保留意见" };

    /// <summary>Text as one Markdown paragraph: line breaks become spaces, so nothing turns into a heading or bullet.</summary>
    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
