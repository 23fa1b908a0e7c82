using System.Net;
using System.Text.RegularExpressions;
using Deliberation.Integrations.Outbox;

namespace Deliberation.Host.Tests;

/// <summary>Reading the emails the SMTP server received and answering through their links, as a resident does.</summary>
public static partial class EmailedLinks
{
    private static readonly TimeSpan PollLimit = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Delivers the outbox until the newest message to the address whose subject has the text arrives.
    /// Polls within a bound: the SMTP server is another process.
    /// </summary>
    public static async Task<MimeKit.MimeMessage> ReceiveAsync(SmtpServer smtp, OutboxDispatcher dispatcher, string address, string subjectPart)
    {
        var deadline = DateTime.UtcNow + PollLimit;
        while (true)
        {
            await dispatcher.DispatchDueAsync(100, CancellationToken.None);
            var found = smtp.ReadMessages().LastOrDefault(m => m.Recipients.Contains(address) && (m.Message.Subject ?? "").Contains(subjectPart, StringComparison.Ordinal));
            if (found is not null) return found.Message;
            if (DateTime.UtcNow > deadline) Assert.Fail($"No message '{subjectPart}' reached {address} within {PollLimit}.");
            await Task.Delay(100);
        }
    }

    /// <summary>The answer-page path of the link in a message's body.</summary>
    public static string LinkIn(MimeKit.MimeMessage message)
    {
        var match = AnswerLink().Match(message.TextBody ?? "");
        Assert.True(match.Success, $"No answer link in: {message.TextBody}");
        return new Uri(match.Value).AbsolutePath;
    }

    /// <summary>Posts the answer form of the answer page, as the browser does, and checks the confirmation.</summary>
    public static async Task AnswerAsync(HttpClient resident, string path, string choice)
    {
        var response = await resident.PostAsync(path, new FormUrlEncodedContent([new KeyValuePair<string, string>("choice", choice)]));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Voting answered {(int)response.StatusCode}: {text}");
        Assert.Contains("已记录您的答复", text, StringComparison.Ordinal);
    }

    /// <summary>Every answer-page path in a message's body, in order (an invitation has its RSVP link, then its proposal link).</summary>
    public static IReadOnlyList<string> LinksIn(MimeKit.MimeMessage message) =>
        [.. AnswerLink().Matches(message.TextBody ?? "").Select(m => new Uri(m.Value).AbsolutePath)];

    /// <summary>Posts an answer page's form with any fields (<c>choice</c>, several <c>choices</c>, <c>comment</c>) and checks the confirmation.</summary>
    public static async Task AnswerFormAsync(HttpClient resident, string path, params (string Name, string Value)[] fields)
    {
        var response = await resident.PostAsync(path, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Answering answered {(int)response.StatusCode}: {text}");
        Assert.Contains("已记录您的答复", text, StringComparison.Ordinal);
    }

    /// <summary>
    /// Posts a progress form (an action item's or a claimed need's) as the browser does — multipart, percent, the done box
    /// and the note — and checks the confirmation.
    /// </summary>
    public static async Task ReportProgressAsync(HttpClient client, string path, string percent, bool done, string note, byte[]? jpeg = null)
    {
        using var form = new MultipartFormDataContent { { new StringContent(percent), "percent" }, { new StringContent(note), "comment" } };
        if (done) form.Add(new StringContent("true"), "done");
        if (jpeg is not null)
        {
            var file = new ByteArrayContent(jpeg);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
            form.Add(file, "photo", "site.jpg");
        }
        var response = await client.PostAsync(path, form);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.Contains("已记录您的答复", text, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"https?://[^\s/]+/t/[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+")]
    private static partial Regex AnswerLink();
}
