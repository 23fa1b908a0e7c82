using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Deliberation.Host.Tests.Faults;

/// <summary>
/// Two host processes on one PostgreSQL database send through a real SMTP server that is down when the emails are
/// written. The messages wait, shown to staff as pending with the reason; when the server returns they go out within
/// seconds, each once, whichever host sends it. Recipients the server refuses for good (550) are recorded as failed,
/// shown to staff with the server's answer, and not tried again.
/// </summary>
[Trait("Category", "Faults")]
public sealed class SmtpOutagePostgresTests(PostgresCluster cluster) : IClassFixture<PostgresCluster>, IAsyncLifetime
{
    private const int Residents = 40;
    private const int Refused = 5;
    private const string WorkflowId = "smtp-outage-workload";
    private readonly SmtpServer _smtp = new();
    private readonly string _dataOne = TestPaths.NewTempFolder();
    private readonly string _dataTwo = TestPaths.NewTempFolder();

    public Task InitializeAsync() => _smtp.StartAsync();

    public async Task DisposeAsync()
    {
        await _smtp.DisposeAsync();
        foreach (var folder in new[] { _dataOne, _dataTwo })
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { /* best effort */ }
    }

    private const string Workflow = $$$"""
        {
          "id": "{{{WorkflowId}}}", "displayName": { "zh-CN": "邮件服务器中断", "en": "SMTP outage" },
          "inputs": [ { "name": "email", "type": "text", "required": true } ],
          "activities": [
            { "id": "start", "type": "Start" },
            { "id": "notice", "type": "SendEmail", "inputs": {
                "to": { "type": "variable", "value": "email" },
                "subject": { "type": "literal", "value": "议事会通知" },
                "body": { "type": "scriban", "value": "您好：\n\n议事会将于周六召开（{{ instance.id }}）。\n\n社区居委会" } } },
            { "id": "end", "type": "End" }
          ],
          "connections": [
            { "source": "start", "sourcePort": "Done", "target": "notice" },
            { "source": "notice", "sourcePort": "Done", "target": "end" }
          ]
        }
        """;

    [Fact]
    public async Task SmtpDown_MessagesWaitAndAreShown_GoOutOnceWhenItReturns_ARefusedRecipientFailsForGoodAndIsNotRetried()
    {
        await cluster.CreateDatabaseAsync("deliberation_smtp_outage");
        var settings = PostgresHosts.Settings(cluster, "deliberation_smtp_outage", _smtp);
        await using var one = await HostProcess.StartAsync(_dataOne, settings);
        await using var two = await HostProcess.StartAsync(_dataTwo, settings);
        using var clientOne = one.CreateAnonymousClient();
        using var clientTwo = two.CreateAnonymousClient();
        await TestAccounts.SignInAsync(clientOne);
        await TestAccounts.SignInAsync(clientTwo);
        await PostgresHosts.PublishAsync(clientOne, WorkflowId, Workflow);

        await _smtp.StopAsync();
        var hosts = new[] { clientOne, clientTwo };
        for (var i = 0; i < Residents; i++)
        {
            var address = i < Refused ? $"{SmtpServer.RejectedPrefix}{i:D2}@example.com" : $"resident{i:D2}@example.com";
            var started = await hosts[i % 2].PostAsJsonAsync("/api/instances", new { definitionId = WorkflowId, input = new { email = address } });
            Assert.True(started.StatusCode == HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        }

        // While the server is down every message waits, and staff see why; an unreachable server costs no message an attempt.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        var pending = await OutboxAsync(clientOne, "pending");
        while ((pending.Count < Residents || pending.Any(m => m["lastError"] is null)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
            pending = await OutboxAsync(clientOne, "pending");
        }
        Assert.Equal(Residents, pending.Count);
        Assert.All(pending, m => Assert.Contains("SMTP is unavailable", (string?)m["lastError"], StringComparison.Ordinal));
        Assert.All(pending, m => Assert.Equal(0, (int)m["attempts"]!));
        Assert.Empty(await OutboxAsync(clientTwo, "failed"));
        Assert.Empty(_smtp.ReadMessages());
        // A few more seconds down: a longer outage costs the messages nothing.
        await Task.Delay(TimeSpan.FromSeconds(3));

        await _smtp.StartAsync();
        var back = DateTime.UtcNow;
        deadline = back + TimeSpan.FromSeconds(30);
        var messages = _smtp.ReadMessages();
        while (messages.Count < Residents - Refused && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
            messages = _smtp.ReadMessages();
        }
        var delay = DateTime.UtcNow - back;
        Assert.Equal(Residents - Refused, messages.Count);
        Assert.Equal(Residents - Refused, messages.Select(m => m.Message.MessageId).Distinct().Count());
        Assert.DoesNotContain(messages, m => m.Recipients.Any(r => r.StartsWith(SmtpServer.RejectedPrefix, StringComparison.OrdinalIgnoreCase)));

        // The refused ones failed for good, shown with the server's answer, and are not tried again.
        var failed = await OutboxAsync(clientTwo, "failed");
        Assert.Equal(Refused, failed.Count);
        Assert.All(failed, m => Assert.Contains("550", (string?)m["lastError"], StringComparison.Ordinal));
        var attempts = failed.ToDictionary(m => (string)m["id"]!, m => (int)m["attempts"]!);
        await Task.Delay(TimeSpan.FromSeconds(5));
        var later = await OutboxAsync(clientOne, "failed");
        Assert.All(later, m => Assert.Equal(attempts[(string)m["id"]!], (int)m["attempts"]!));
        Assert.Empty(await OutboxAsync(clientOne, "pending"));
        Assert.Equal(Residents - Refused, _smtp.ReadMessages().Count);
        TestPaths.Report("smtp-outage-postgres",
            $"SMTP down while {Residents} emails were written by two hosts: all waited (shown as pending with the reason); " +
            $"{Residents - Refused} went out once within {delay.TotalSeconds:F1} s of the server's return; {Refused} refused with 550 failed for good, not retried.");
    }

    private static async Task<List<JsonObject>> OutboxAsync(HttpClient client, string status) =>
        (await client.GetFromJsonAsync<JsonArray>($"/api/outbox?status={status}&take=500"))!.Select(m => m!.AsObject()).ToList();
}
