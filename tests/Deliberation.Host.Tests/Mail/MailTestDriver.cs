using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Deliberation.Integrations.Outbox;
using Deliberation.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Host.Tests.Mail;

/// <summary>Starts the sample workflow and delivers outbox mail to the pickup folder, for the mail tests.</summary>
internal static class MailTestDriver
{
    private static readonly TimeSpan PollLimit = TimeSpan.FromSeconds(30);

    public static string PickupFolder(HostFactory host) => Path.Combine(host.DataPath, "mail", "pickup");

    /// <summary>Starts <c>sample-reminder</c>, whose first step emails <paramref name="email"/> about <paramref name="topic"/>.</summary>
    public static async Task<Guid> StartSampleAsync(HttpClient staff, string email, string topic, Guid? communityId = null)
    {
        var response = await staff.PostAsJsonAsync("/api/instances",
            new { definitionId = "sample-reminder", communityId, input = new { email, topic, remindAfter = "24h" } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return Guid.Parse((string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["instanceId"]!);
    }

    /// <summary>
    /// Dispatches the outbox until the message is sent and returns its .eml file name. Polls within a bound
    /// in case a host's own outbox loop claims the message first.
    /// </summary>
    public static async Task<string> DeliverAsync(HostFactory host, Guid outboxId)
    {
        var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();
        var database = host.Services.GetRequiredService<DeliberationDatabase>();
        var deadline = DateTime.UtcNow + PollLimit;
        while (true)
        {
            await dispatcher.DispatchDueAsync(100, CancellationToken.None);
            await using (var db = database.CreateContext())
            {
                var row = await db.Outbox.SingleAsync(o => o.Id == outboxId);
                if (row.SentAt is not null)
                    return Path.GetFileName(Directory.GetFiles(PickupFolder(host), $"*-{outboxId:N}.eml").Single());
                Assert.Null(row.FailedAt);
            }
            if (DateTime.UtcNow > deadline) Assert.Fail($"Outbox message {outboxId} was not delivered within {PollLimit}.");
            await Task.Delay(50);
        }
    }

    /// <summary>The instance's outbox messages, oldest first.</summary>
    public static async Task<IReadOnlyList<Deliberation.Persistence.Entities.OutboxRow>> OutboxAsync(HostFactory host, Guid instanceId) =>
        await host.Services.GetRequiredService<InstanceQueries>().OutboxAsync(instanceId, CancellationToken.None);

    /// <summary>Asserts the headers every mailbox response carries and returns the page.</summary>
    public static async Task<string> HtmlAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        AssertPrivate(response);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The page shows live links: not cached, no referrer.</summary>
    public static void AssertPrivate(HttpResponseMessage response)
    {
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }
}
