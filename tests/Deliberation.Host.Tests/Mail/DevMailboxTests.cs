using System.Net;
using MimeKit;

namespace Deliberation.Host.Tests.Mail;

/// <summary>
/// The development mailbox of a host without SMTP: mail the sample workflow sends is listed and shown
/// to administrators; everyone else, and every name outside the pickup folder, gets 404.
/// </summary>
[Trait("Category", "Deliberation")]
public sealed class DevMailboxTests : IClassFixture<HostFactory>
{
    private readonly HostFactory _host;
    private readonly HttpClient _admin;
    private readonly HttpClient _anonymous;

    public DevMailboxTests(HostFactory host)
    {
        _host = host;
        _admin = host.CreateClient();
        _anonymous = host.CreateAnonymousClient();
    }

    /// <summary>Starts the sample workflow about <paramref name="topic"/> and delivers its first email; returns the .eml file name.</summary>
    private async Task<string> SendSampleAsync(string topic, string email = "resident@example.com")
    {
        var instanceId = await MailTestDriver.StartSampleAsync(_admin, email, topic);
        var outbox = Assert.Single(await MailTestDriver.OutboxAsync(_host, instanceId));
        return await MailTestDriver.DeliverAsync(_host, outbox.Id);
    }

    /// <summary>Writes a message straight into the pickup folder, as the deliverer would.</summary>
    private string DropMessage(MimeMessage message)
    {
        Directory.CreateDirectory(MailTestDriver.PickupFolder(_host));
        var name = $"{_host.Time.GetUtcNow():yyyyMMddHHmmss}-{Guid.CreateVersion7():N}.eml";
        message.WriteTo(Path.Combine(MailTestDriver.PickupFolder(_host), name));
        return name;
    }

    [Fact]
    public async Task List_AsAdministrator_ShowsDateToAndChineseSubjectNewestFirst()
    {
        var older = await SendSampleAsync("3号楼停车位", "older@example.com");
        _host.Time.Advance(TimeSpan.FromMinutes(5));
        var newer = await SendSampleAsync("垃圾分类点", "newer@example.com");

        var html = await MailTestDriver.HtmlAsync(await _admin.GetAsync("/dev/mailbox"));

        Assert.Contains("<html lang=\"zh-CN\">", html);
        Assert.Contains("开发邮箱", html);
        Assert.Contains("日期（北京时间）", html);
        Assert.Contains("请就“3号楼停车位”发表意见", html);
        Assert.Contains("请就“垃圾分类点”发表意见", html);
        Assert.Contains("older@example.com", html);
        Assert.True(html.IndexOf(newer, StringComparison.Ordinal) < html.IndexOf(older, StringComparison.Ordinal), "The newer message comes first.");
        // The clock started at 01:00 UTC, 09:00 in Beijing.
        Assert.Contains("2026-11-23 09:0", html);
        Assert.Contains($"href=\"/dev/mailbox/{newer}\"", html);
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public async Task List_English_ShowsEnglishLabelsAndKeepsTheLanguageOnLinks()
    {
        var file = await SendSampleAsync("小区绿化");

        var html = await MailTestDriver.HtmlAsync(await _admin.GetAsync("/dev/mailbox?lang=en"));

        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("Development mailbox", html);
        Assert.Contains("Date (Beijing time)", html);
        Assert.Contains($"href=\"/dev/mailbox/{file}?lang=en\"", html);
        Assert.Contains("请就“小区绿化”发表意见", html);
    }

    [Fact]
    public async Task Show_SampleEmail_ShowsHeadersAndTheTextBody()
    {
        var file = await SendSampleAsync("5号楼加装电梯", "wang@example.com");

        var response = await _admin.GetAsync($"/dev/mailbox/{file}");

        var html = await MailTestDriver.HtmlAsync(response);
        Assert.Contains("<h1>请就“5号楼加装电梯”发表意见</h1>", html);
        Assert.Contains("wang@example.com", html);
        Assert.Contains("社区议事 Deliberation &lt;deliberation@localhost&gt;", html);
        Assert.Contains("<pre>您好：", html);
        Assert.Contains("社区正在就“5号楼加装电梯”征询意见", html);
        Assert.Contains("@deliberation.local", html);
        Assert.Contains("（无附件）", html);
        Assert.Contains($"href=\"/dev/mailbox/{file}/raw\"", html);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task Show_LinksInTheTextBody_AreClickableAndEverythingElseIsEncoded()
    {
        var message = new MimeMessage { Subject = "链接测试 <b>", Date = _host.Time.GetUtcNow() };
        message.To.Add(new MailboxAddress("张三", "zhang@example.com"));
        message.Body = new TextPart("plain") { Text = "请打开：http://127.0.0.1:5080/t/abc.def_1。或者 <script>alert(1)</script> https://example.com/a?b=1&c=2." };
        var file = DropMessage(message);

        var html = await MailTestDriver.HtmlAsync(await _admin.GetAsync($"/dev/mailbox/{file}"));

        Assert.Contains("<a href=\"http://127.0.0.1:5080/t/abc.def_1\" rel=\"noreferrer noopener\">http://127.0.0.1:5080/t/abc.def_1</a>。", html);
        Assert.Contains("<a href=\"https://example.com/a?b=1&amp;c=2\" rel=\"noreferrer noopener\">https://example.com/a?b=1&amp;c=2</a>.", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("链接测试 &lt;b&gt;", html);
        Assert.Contains("张三 &lt;zhang@example.com&gt;", html);
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public async Task Show_HtmlBody_IsSanitisedAndItsSourceShownEscaped()
    {
        var message = new MimeMessage { Subject = "HTML 邮件", Date = _host.Time.GetUtcNow() };
        message.To.Add(MailboxAddress.Parse("li@example.com"));
        var builder = new BodyBuilder
        {
            TextBody = "纯文本",
            HtmlBody = "<p onclick=\"steal()\">你好 <b>居民</b></p><script>alert('x')</script><a href=\"javascript:alert(1)\">坏链接</a>"
                       + "<form action=\"https://evil.example/\"><input name=\"p\"></form><img src=\"https://tracker.example/p.gif\">",
        };
        builder.Attachments.Add("会议纪要.txt", "第一项：加装电梯"u8.ToArray(), new ContentType("text", "plain"));
        message.Body = builder.ToMessageBody();
        var file = DropMessage(message);

        var html = await MailTestDriver.HtmlAsync(await _admin.GetAsync($"/dev/mailbox/{file}"));

        var rendered = html[html.IndexOf("<div class=\"html-body\">", StringComparison.Ordinal)..html.IndexOf("<details>", StringComparison.Ordinal)];
        Assert.Contains("<b>居民</b>", rendered);
        Assert.DoesNotContain("<script", rendered);
        Assert.DoesNotContain("onclick", rendered);
        Assert.DoesNotContain("javascript:", rendered);
        Assert.DoesNotContain("<form", rendered);
        Assert.DoesNotContain("<input", rendered);
        Assert.Contains("&lt;script&gt;alert(", html); // the source, escaped
        Assert.Contains("img-src data:", Assert.Single(await CspAsync($"/dev/mailbox/{file}")));
        Assert.Contains($"href=\"/dev/mailbox/{file}/attachments/0\">会议纪要.txt</a>", html);
    }

    [Fact]
    public async Task Attachment_IsServedDecodedAsADownload()
    {
        var message = new MimeMessage { Subject = "附件", Date = _host.Time.GetUtcNow() };
        message.To.Add(MailboxAddress.Parse("li@example.com"));
        var builder = new BodyBuilder { TextBody = "见附件" };
        builder.Attachments.Add("会议纪要.txt", "第一项：加装电梯"u8.ToArray(), new ContentType("text", "plain"));
        message.Body = builder.ToMessageBody();
        var file = DropMessage(message);

        var response = await _admin.GetAsync($"/dev/mailbox/{file}/attachments/0");
        var missing = await _admin.GetAsync($"/dev/mailbox/{file}/attachments/1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("会议纪要.txt", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("第一项：加装电梯", await response.Content.ReadAsStringAsync());
        Assert.Contains("sandbox", response.Headers.GetValues("Content-Security-Policy").Single());
        MailTestDriver.AssertPrivate(response);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Raw_ReturnsTheEmlAsMessageRfc822()
    {
        var file = await SendSampleAsync("电动车充电桩");

        var response = await _admin.GetAsync($"/dev/mailbox/{file}/raw");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("message/rfc822", response.Content.Headers.ContentType?.MediaType);
        MailTestDriver.AssertPrivate(response);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(MailTestDriver.PickupFolder(_host), file)), bytes);
        var message = await MimeMessage.LoadAsync(new MemoryStream(bytes));
        Assert.Equal("请就“电动车充电桩”发表意见", message.Subject);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/{file}")]
    [InlineData("/{file}/raw")]
    [InlineData("/{file}/attachments/0")]
    public async Task Anonymous_NoLoopbackAddress_GetsNotFound(string suffix)
    {
        var file = await SendSampleAsync("楼道照明");

        var response = await _anonymous.GetAsync("/dev/mailbox" + suffix.Replace("{file}", file, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("楼道照明", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("..%2Fsecret.eml")]
    [InlineData("..%2F..%2Fdeliberation.db")]
    [InlineData("..%5Csecret.eml")]
    [InlineData("%2E%2E%2Fsecret.eml")]
    [InlineData("secret.eml")]
    [InlineData("20990101000000-0000.eml")]
    [InlineData("deliberation.db")]
    public async Task Show_NameOutsideThePickupFolder_IsNotFound(string name)
    {
        await SendSampleAsync("水箱清洗");
        // A message one folder up, which a traversal would reach.
        await File.WriteAllTextAsync(Path.Combine(_host.DataPath, "mail", "secret.eml"), "Subject: secret\r\n\r\nsecret body\r\n");

        foreach (var path in new[] { $"/dev/mailbox/{name}", $"/dev/mailbox/{name}/raw", $"/dev/mailbox/{name}/attachments/0" })
        {
            var response = await _admin.GetAsync(path);

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("secret body", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Mailbox_WithSmtpConfigured_DoesNotExist()
    {
        await using var host = new HostFactory
        {
            Settings =
            {
                ["Deliberation:Mail:SmtpHost"] = "127.0.0.1",
                ["Deliberation:Mail:SmtpPort"] = "2525",
                ["Deliberation:Mail:SmtpSecurity"] = "None",
            },
        };
        using var admin = host.CreateClient();

        var list = await admin.GetAsync("/dev/mailbox");
        var message = await admin.GetAsync("/dev/mailbox/20261123010000-0000.eml");

        Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, message.StatusCode);
    }

    private async Task<IEnumerable<string>> CspAsync(string path) =>
        (await _admin.GetAsync(path)).Headers.GetValues("Content-Security-Policy");
}
