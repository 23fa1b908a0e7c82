using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Deliberation.Integrations.Outbox;
using Deliberation.Persistence;
using Deliberation.Persistence.Entities;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Host.Tests.Outbox;

/// <summary>
/// Email through the outbox to a real SMTP server (aiosmtpd): delivered when SMTP is up, kept and
/// retried while it is down, and a permanent 550 shown to staff and never retried. Each test has
/// its own host and database; the SMTP server is shared and told apart by Message-ID.
/// </summary>
[Trait("Category", "Deliberation")]
public sealed class OutboxDeliveryTests(SmtpServer smtp) : IClassFixture<SmtpServer>, IAsyncLifetime
{
    private const string Topic = "5号楼加装电梯";

    private HostFactory _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        await smtp.StartAsync(); // a no-op unless an earlier test left it stopped
        _host = new HostFactory
        {
            Settings =
            {
                ["Deliberation:Mail:SmtpHost"] = "127.0.0.1",
                ["Deliberation:Mail:SmtpPort"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Deliberation:Mail:SmtpSecurity"] = "None",
            },
        };
        _client = _host.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task DispatchDueAsync_SmtpUp_DeliversTheChineseEmailWithTheOutboxIdAsMessageId()
    {
        var address = NewAddress("resident");
        var instanceId = await StartSampleAsync(address);

        var row = await DispatchUntilAsync(instanceId, o => o.SentAt is not null);

        var received = Assert.Single(ReceivedBy(address));
        Assert.Equal("请就“5号楼加装电梯”发表意见", received.Message.Subject);
        Assert.Contains("社区正在就“5号楼加装电梯”征询意见", received.Message.TextBody);
        Assert.Equal($"{row.Id:N}@deliberation.local", received.Message.MessageId);
        Assert.Equal([address], received.Recipients);
        Assert.Equal(address, received.Message.To.Mailboxes.Single().Address);
        Assert.Null(row.FailedAt);
        Assert.Null(row.LastError);
    }

    [Fact]
    public async Task DispatchDueAsync_SmtpDownThenBack_KeepsTheMessageAndDeliversItOnceWhenSmtpReturns()
    {
        var address = NewAddress("resident");
        await smtp.StopAsync();
        var instanceId = await StartSampleAsync(address);

        var waiting = await DispatchUntilAsync(instanceId, o => o.LastError is not null);

        // The server could not be reached: the message was not tried, so no attempt counts against it; staff see why.
        Assert.Equal(0, waiting.Attempts);
        Assert.Null(waiting.SentAt);
        Assert.Null(waiting.FailedAt);
        Assert.Contains("SMTP is unavailable", waiting.LastError);
        Assert.InRange(waiting.NextAttemptAt - _host.Time.GetUtcNow(), TimeSpan.FromSeconds(1), OutboxDispatcher.MaxProbeInterval);
        var pending = await OutboxListAsync("pending");
        Assert.Contains(pending, o => (string)o!["id"]! == waiting.Id.ToString());
        Assert.Empty(ReceivedBy(address));

        // A day-long outage, probed all along: the message never runs out of attempts, and it waits at most one probe interval.
        for (var probe = 0; probe < 40; probe++)
        {
            _host.Time.Advance(OutboxDispatcher.MaxProbeInterval + TimeSpan.FromSeconds(1));
            await Dispatcher.DispatchDueAsync(100, CancellationToken.None);
        }
        _host.Time.Advance(TimeSpan.FromDays(1));
        var stillWaiting = await DispatchUntilAsync(instanceId, o => o.SentAt is null && o.FailedAt is null);
        Assert.Equal(0, stillWaiting.Attempts);
        Assert.True(stillWaiting.NextAttemptAt - _host.Time.GetUtcNow() <= OutboxDispatcher.MaxProbeInterval);

        await smtp.StartAsync();
        _host.Time.Advance(OutboxDispatcher.MaxProbeInterval + TimeSpan.FromSeconds(1));
        var sent = await DispatchUntilAsync(instanceId, o => o.SentAt is not null);
        await Dispatcher.DispatchDueAsync(100, CancellationToken.None);

        Assert.Equal(1, sent.Attempts);
        Assert.Null(sent.FailedAt);
        var received = Assert.Single(ReceivedBy(address));
        Assert.Equal($"{sent.Id:N}@deliberation.local", received.Message.MessageId);
        Assert.Equal("请就“5号楼加装电梯”发表意见", received.Message.Subject);
    }

    [Fact]
    public async Task DispatchDueAsync_RecipientRefusedWith550_FailsForGoodIsShownToStaffAndIsNotRetried()
    {
        var address = NewAddress(SmtpServer.RejectedPrefix);
        var instanceId = await StartSampleAsync(address);

        var failed = await DispatchUntilAsync(instanceId, o => o.Attempts > 0);

        Assert.NotNull(failed.FailedAt);
        Assert.Null(failed.SentAt);
        Assert.Equal(1, failed.Attempts);
        var shown = Assert.Single(await OutboxListAsync("failed"), o => (string)o!["id"]! == failed.Id.ToString())!;
        Assert.Contains("550", (string)shown["lastError"]!);
        Assert.Equal(instanceId.ToString(), (string)shown["instanceId"]!);
        Assert.Equal("email", (string)shown["kind"]!);
        Assert.NotNull(shown["failedAt"]);
        Assert.False(shown.AsObject().ContainsKey("payload"), "The staff list must not expose the payload (email addresses).");
        Assert.DoesNotContain(await OutboxListAsync("pending"), o => (string)o!["id"]! == failed.Id.ToString());

        _host.Time.Advance(TimeSpan.FromHours(7));
        await Dispatcher.DispatchDueAsync(100, CancellationToken.None);

        var after = Assert.Single(await Queries.OutboxAsync(instanceId, CancellationToken.None));
        Assert.Equal(1, after.Attempts);
        Assert.Equal(failed.FailedAt, after.FailedAt);
        Assert.Empty(ReceivedBy(address));
        Assert.DoesNotContain(smtp.ReadMessages(), m => m.Message.MessageId == $"{after.Id:N}@deliberation.local");
    }

    [Fact]
    public async Task DispatchDueAsync_ABatch_SendsOverOneConnectionUntilARefusalAndOpensANewOneForTheNextBatch()
    {
        var first = NewAddress("batch-first");
        var second = NewAddress("batch-second");
        var refused = NewAddress(SmtpServer.RejectedPrefix);
        var last = NewAddress("batch-last");
        await StartSampleAsync(first);
        await StartSampleAsync(second);
        var refusedInstance = await StartSampleAsync(refused);
        await StartSampleAsync(last);

        await Dispatcher.DispatchDueAsync(100, CancellationToken.None);
        var later = NewAddress("batch-later");
        await StartSampleAsync(later);
        await Dispatcher.DispatchDueAsync(100, CancellationToken.None);

        // One connection for the batch's messages, a fresh one after the refusal (the connection's state is unknown then),
        // and the next batch a connection of its own: none stays open between batches.
        var (a, b, d, e) = (Assert.Single(ReceivedBy(first)), Assert.Single(ReceivedBy(second)), Assert.Single(ReceivedBy(last)), Assert.Single(ReceivedBy(later)));
        Assert.Equal(a.Peer, b.Peer);
        Assert.NotEqual(b.Peer, d.Peer);
        Assert.NotEqual(d.Peer, e.Peer);
        Assert.Empty(ReceivedBy(refused));
        var failed = Assert.Single(await Queries.OutboxAsync(refusedInstance, CancellationToken.None));
        Assert.NotNull(failed.FailedAt);
        Assert.Contains("550", failed.LastError);
    }

    [Fact]
    public async Task Resend_AFailedMessage_IsTriedAgain_AndAMessageThatHasNotFailedIsRefused()
    {
        var address = NewAddress(SmtpServer.RejectedPrefix);
        var instanceId = await StartSampleAsync(address);
        var failed = await DispatchUntilAsync(instanceId, o => o.FailedAt != null);
        var listed = Assert.Single(await OutboxListAsync("failed"), o => (string)o!["id"]! == failed.Id.ToString())!;

        var resent = await _client.PostAsync($"/api/outbox/{failed.Id}/resend", null);
        var pending = await OutboxListAsync("pending");
        var again = await _client.PostAsync($"/api/outbox/{failed.Id}/resend", null);
        await Dispatcher.DispatchDueAsync(100, CancellationToken.None);

        // The subject shows (not the addresses); the resent message went back to waiting and was tried once more.
        Assert.Equal($"请就“{Topic}”发表意见", (string)listed["subject"]!);
        Assert.Equal(HttpStatusCode.NoContent, resent.StatusCode);
        Assert.Contains(pending, o => (string)o!["id"]! == failed.Id.ToString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("outbox-not-failed", (string)(await again.Content.ReadFromJsonAsync<JsonObject>())!["code"]!);
        // Tried again from the start (attempts reset to 0, then one more), and refused again by the recipient's server.
        var after = Assert.Single(await Queries.OutboxAsync(instanceId, CancellationToken.None));
        Assert.Equal(1, after.Attempts);
        Assert.NotNull(after.FailedAt);
    }

    [Fact]
    public async Task Timers_ListThePendingReminderOfTheInstance_SoonestFirst()
    {
        var instanceId = await StartSampleAsync(NewAddress("timer"));

        var timers = (await _client.GetFromJsonAsync<JsonArray>("/api/timers"))!;

        var mine = Assert.Single(timers, x => (Guid)x!["instanceId"]! == instanceId)!;
        Assert.Equal("sample-reminder", (string)mine["definitionId"]!);
        Assert.Equal(_host.Time.GetUtcNow().AddHours(24), DateTimeOffset.Parse((string)mine["dueAt"]!, System.Globalization.CultureInfo.InvariantCulture));
        var due = timers.Select(x => DateTimeOffset.Parse((string)x!["dueAt"]!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(due.Order(), due);
        // One community's timers only: the sample instance belongs to none.
        var ofACommunity = (await _client.GetFromJsonAsync<JsonArray>($"/api/timers?communityId={Guid.NewGuid()}"))!;
        Assert.DoesNotContain(ofACommunity, x => (Guid)x!["instanceId"]! == instanceId);
    }

    [Fact]
    public async Task PendingSignals_ListWhatArrivedAndWasNotTaken_OldestFirst_OfTheCommunityAsked()
    {
        var instanceId = await StartSampleAsync(NewAddress("signal"));
        var now = _host.Time.GetUtcNow();
        await using (var db = _host.Services.GetRequiredService<DeliberationDatabase>().CreateContext(tracking: true))
        {
            // A staff action the sample never waits for stays queued; one delivered or dropped is not pending.
            db.Signals.Add(new SignalRow { Id = Guid.CreateVersion7(), InstanceId = instanceId, Name = "meeting-planned", Correlation = "m1", CreatedAt = now });
            db.Signals.Add(new SignalRow { Id = Guid.CreateVersion7(), InstanceId = instanceId, Name = "vote-closed", CreatedAt = now, DeliveredAt = now });
            db.Signals.Add(new SignalRow { Id = Guid.CreateVersion7(), InstanceId = instanceId, Name = "tie-decided", CreatedAt = now, DroppedAt = now });
            await db.SaveChangesAsync();
        }

        var pending = (await _client.GetFromJsonAsync<JsonArray>("/api/signals/pending"))!.Where(x => (Guid)x!["instanceId"]! == instanceId).ToList();

        var mine = Assert.Single(pending)!;
        Assert.Equal(("meeting-planned", "m1", "sample-reminder"), ((string)mine["name"]!, (string?)mine["correlation"], (string)mine["definitionId"]!));
        Assert.DoesNotContain((await _client.GetFromJsonAsync<JsonArray>($"/api/signals/pending?communityId={Guid.NewGuid()}"))!,
            x => (Guid)x!["instanceId"]! == instanceId);
    }

    private OutboxDispatcher Dispatcher => _host.Services.GetRequiredService<OutboxDispatcher>();

    private InstanceQueries Queries => _host.Services.GetRequiredService<InstanceQueries>();

    private async Task<Guid> StartSampleAsync(string email)
    {
        var response = await _client.PostAsJsonAsync("/api/instances",
            new { definitionId = "sample-reminder", input = new { email, topic = Topic, remindAfter = "24h" } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return Guid.Parse((string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["instanceId"]!);
    }

    /// <summary>Dispatches due messages once (nothing else dispatches in the test host) and returns the instance's outbox row.</summary>
    private async Task<OutboxRow> DispatchUntilAsync(Guid instanceId, Func<OutboxRow, bool> condition)
    {
        await Dispatcher.DispatchDueAsync(100, CancellationToken.None);
        var row = Assert.Single(await Queries.OutboxAsync(instanceId, CancellationToken.None));
        Assert.True(condition(row), $"Outbox row {row.Id}: attempts {row.Attempts}, sent {row.SentAt}, failed {row.FailedAt}, error {row.LastError}.");
        return row;
    }

    // One address per test: the SMTP server is shared by the class.
    private static string NewAddress(string prefix) => $"{prefix}-{Guid.NewGuid():N}@example.com";

    private List<SmtpServer.ReceivedMessage> ReceivedBy(string address) =>
        smtp.ReadMessages().Where(m => m.Recipients.Contains(address, StringComparer.OrdinalIgnoreCase)).ToList();

    private async Task<JsonArray> OutboxListAsync(string status) =>
        (await _client.GetFromJsonAsync<JsonArray>($"/api/outbox?status={status}"))!;
}
