using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Deliberation.Host.Tests.Asking;
using Deliberation.Integrations.Mail;
using Deliberation.Integrations.Outbox;
using Deliberation.Persistence;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Deliberation.Host.Tests.Replies;

/// <summary>
/// Answering a time poll of 征询参与者 by replying to its email: the replies go through a real IMAP server (dovecot, owned by
/// the fixture) and the host's MailKit reader; confirmations and the options come back over real SMTP (aiosmtpd). A reply
/// is matched by its signed address only: one with a forged or missing token records nothing and is answered by nobody.
/// </summary>
[Trait("Category", "Deliberation")]
public sealed class AnswerByReplyTests(SmtpServer smtp, ImapServer imap) : IClassFixture<SmtpServer>, IClassFixture<ImapServer>, IAsyncLifetime
{
    private const string ReplyAddress = "reply@test.local";
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private HostFactory _host = null!;
    private HttpClient _staff = null!;
    private AskWorld _world = null!;

    public async Task InitializeAsync()
    {
        await smtp.StartAsync();
        _host = AskRuns.HostMailingTo(smtp);
        foreach (var (key, value) in imap.HostSettings(ReplyAddress)) _host.Settings[key] = value;
        _staff = _host.CreateClient();
        _world = await AskWorld.SeedAsync(_host.Services.GetRequiredService<DeliberationDatabase>(), _host.Time.GetUtcNow(), _run);
    }

    public async Task DisposeAsync()
    {
        _staff.Dispose();
        await _host.DisposeAsync();
    }

    /// <summary>A time poll of two people, as the designer saves it.</summary>
    private static string TimePoll(string id) => $$$"""
        {
          "id": "{{{id}}}",
          "displayName": { "zh-CN": "征询会议时间", "en": "Poll the meeting time" },
          "inputs": [ { "name": "people", "type": "text", "required": true } ],
          "activities": [
            { "id": "start", "type": "Start" },
            { "id": "poll", "type": "AskParticipants", "label": "征询会议时间", "inputs": {
                "title": { "type": "literal", "value": "5栋电梯协商会哪个时间您能参加？" },
                "form": { "type": "literal", "value": "time-poll" },
                "options": { "type": "literal", "value": "2026-12-01T19:00\n2026-12-02T19:00" },
                "audience": { "type": "literal", "value": "people" },
                "audienceIds": { "type": "scriban", "value": "{{ input.people }}" },
                "deadline": { "type": "literal", "value": "3d" } } },
            { "id": "end", "type": "End" }
          ],
          "connections": [
            { "source": "start", "sourcePort": "Done", "target": "poll", "targetPort": "In" },
            { "source": "poll", "sourcePort": "AllAnswered", "target": "end", "targetPort": "In" },
            { "source": "poll", "sourcePort": "Deadline", "target": "end", "targetPort": "In" }
          ]
        }
        """;

    [Fact]
    public async Task ReplyToTimePoll_OneThenTwo_ChangesTheAnswer_UnclearGetsTheOptions_ForgedOrMissingTokenRecordsNothing()
    {
        var instanceId = await StartAsync(TimePoll($"poll-{_run}"), $"poll-{_run}", new { people = $"{_world.People["张一"]},{_world.People["王楼长"]}" });
        var zhang = _world.Emails["张一"];
        var question = await ReceiveAsync(zhang, "【征询】5栋电梯协商会");

        // The email invites a reply to its own signed address, with the options numbered.
        var replyTo = Assert.Single(question.ReplyTo.Mailboxes).Address;
        Assert.Matches(@"^reply\+[a-z2-7]{42}@test\.local$", replyTo);
        Assert.Contains("也可以直接回复本邮件", question.TextBody, StringComparison.Ordinal);
        Assert.Contains("  1  2026年12月1日", question.TextBody, StringComparison.Ordinal);
        Assert.Contains("  2  2026年12月2日", question.TextBody, StringComparison.Ordinal);
        var taskId = await TaskOfAsync(instanceId, "张一");

        // "1": recorded as an email-reply answer, and confirmed to the roster's address.
        await ReplyAsync(question, zhang, replyTo, "1");
        var first = await TaskAsync(taskId);
        Assert.Equal(("email-reply", "2026-12-01T19:00+08:00"), ((string)first["current"]!["channel"]!, (string)first["current"]!["answer"]!["choices"]![0]!));
        var confirmed = await ReceiveAsync(zhang, "已记录您的答复");
        Assert.Contains("您的答复：2026年12月1日", confirmed.TextBody, StringComparison.Ordinal);
        Assert.Equal(replyTo, Assert.Single(confirmed.ReplyTo.Mailboxes).Address);
        Assert.Equal("auto-replied", confirmed.Headers["Auto-Submitted"]);

        // A second reply, "2", changes it while the poll is open; the history keeps both.
        _host.Time.Advance(TimeSpan.FromMinutes(10));
        await ReplyAsync(question, zhang, replyTo, "2\n我晚上七点以后才有空");
        var second = await TaskAsync(taskId);
        Assert.Equal(["2026-12-02T19:00+08:00"], second["current"]!["answer"]!["choices"]!.AsArray().Select(c => (string)c!));
        Assert.Equal("我晚上七点以后才有空", (string)second["current"]!["answer"]!["comment"]!);
        Assert.Equal(["email-reply", "email-reply"], second["history"]!.AsArray().Select(a => (string)a!["channel"]!));
        Assert.Equal(["poll"], await WaitingAsync(instanceId));

        // An unclear reply records nothing and gets the options back, never a guess.
        await ReplyAsync(question, zhang, replyTo, "下周再说吧");
        var help = await ReceiveAsync(zhang, "未能识别您的答复");
        Assert.Contains("没有记录任何答复", help.TextBody, StringComparison.Ordinal);
        Assert.Contains("  1  2026年12月1日", help.TextBody, StringComparison.Ordinal);
        Assert.Contains("  2  2026年12月2日", help.TextBody, StringComparison.Ordinal);
        Assert.Equal(2, (await TaskAsync(taskId))["history"]!.AsArray().Count);

        // A forged token (one character changed) and no token at all (the sender's address alone) record nothing and get no answer.
        var sent = MessagesTo(zhang);
        var forged = replyTo[..6] + (replyTo[6] == 'a' ? 'b' : 'a') + replyTo[7..];
        await ReplyAsync(question, zhang, forged, "1", quote: false);
        await ReplyAsync(question, zhang, ReplyAddress, "1", quote: false);
        var after = await TaskAsync(taskId);
        Assert.Equal(2, after["history"]!.AsArray().Count);
        Assert.Equal("2026-12-02T19:00+08:00", (string)after["current"]!["answer"]!["choices"]![0]!);
        await Dispatcher.DispatchDueAsync(100, CancellationToken.None);
        Assert.Equal(sent, MessagesTo(zhang));

        // Read again (the same Message-ID delivered twice), a reply changes nothing.
        var again = ImapServer.Reply(question, zhang, replyTo, "1", quote: true);
        await imap.DeliverAsync(again);
        await ReadRepliesAsync(1);
        await imap.DeliverAsync(again);
        await ReadRepliesAsync(1);
        Assert.Equal(3, (await TaskAsync(taskId))["history"]!.AsArray().Count);
        Assert.Equal((0, 7), await imap.CountAsync());

        // 王楼长 answers by reply too: everyone has answered, and the tally says how.
        var headQuestion = await ReceiveAsync(_world.Emails["王楼长"], "【征询】5栋电梯协商会");
        await ReplyAsync(headQuestion, _world.Emails["王楼长"], Assert.Single(headQuestion.ReplyTo.Mailboxes).Address, "1、2");
        var instance = (await _staff.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}"))!;
        Assert.Equal("Finished", (string)instance["instance"]!["status"]!);
        var answers = instance["outputs"]!["poll"]!["answers"]!;
        Assert.Equal("email-reply", (string)answers[_world.People["王楼长"].ToString()]!["channel"]!);
        Assert.Equal("email-reply", (string)answers[_world.People["张一"].ToString()]!["channel"]!);

        // The poll has closed: a late reply is told so, and changes nothing.
        await ReplyAsync(question, zhang, replyTo, "2");
        var closed = await ReceiveAsync(zhang, "已截止");
        Assert.Contains("已截止，您的这次回复没有记录", closed.TextBody, StringComparison.Ordinal);
        Assert.Equal(3, (await TaskAsync(taskId))["history"]!.AsArray().Count);
    }

    private OutboxDispatcher Dispatcher => _host.Services.GetRequiredService<OutboxDispatcher>();

    private int MessagesTo(string address) => smtp.ReadMessages().Count(m => m.Recipients.Contains(address));

    /// <summary>Delivers a reply to the mailbox and lets the host read it.</summary>
    private async Task ReplyAsync(MimeMessage question, string from, string to, string words, bool quote = true)
    {
        await imap.DeliverAsync(ImapServer.Reply(question, from, to, words, quote));
        await ReadRepliesAsync(1);
    }

    private async Task ReadRepliesAsync(int expected) =>
        Assert.Equal(expected, await _host.Services.GetRequiredService<ImapReplyReader>().ReadAsync(CancellationToken.None));

    private async Task<string> TaskOfAsync(string instanceId, string person)
    {
        await using var db = _host.Services.GetRequiredService<DeliberationDatabase>().CreateContext();
        var id = Guid.Parse(instanceId);
        return db.Tasks.Single(t => t.InstanceId == id && t.PersonId == _world.People[person]).Id.ToString();
    }

    /// <summary>The task as staff see it: its current answer and the history, each with its channel.</summary>
    private async Task<JsonObject> TaskAsync(string taskId) => (await _staff.GetFromJsonAsync<JsonObject>($"/api/tasks/{taskId}"))!;

    private Task<string> StartAsync(string definition, string id, object input) => AskRuns.StartAsync(_staff, _world.Community, definition, id, input);

    private Task<string[]> WaitingAsync(string instanceId) => AskRuns.WaitingAsync(_staff, instanceId);

    private Task<MimeMessage> ReceiveAsync(string address, string subjectPart) => EmailedLinks.ReceiveAsync(smtp, Dispatcher, address, subjectPart);
}
