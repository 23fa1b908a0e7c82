using System.Text.Json;
using Deliberation.Engine.Definitions;
using Deliberation.Engine.Messaging;
using Deliberation.Engine.Storage;
using Deliberation.Integrations.Mail;

namespace Deliberation.Engine.Tests.Messaging;

/// <summary>The HTML part made from a plain-text email: a button beside each plain link, the words encoded, nothing else changed.</summary>
public sealed class EmailHtmlTests
{
    private const string Link = "https://yishi.example.cn/t/abc.DEF-123_x?lang=zh-CN&a=1";

    private const string Body = """
        王芳您好：

        社区正在推选2栋的代表，请点击下面的链接投票：

        https://yishi.example.cn/t/abc.DEF-123_x?lang=zh-CN&a=1

        候选人：<script>alert(1)</script> 张三 & 李四
          1. 周一晚上
          2. 周二晚上
        详见 https://yishi.example.cn/help。

        社区居委会
        """;

    [Fact]
    public void FromText_LinkOnItsOwnLine_IsAButtonWithTheComposersWords_AndThePlainLinkBesideIt()
    {
        var html = EmailHtml.FromText(Body, new Dictionary<string, string> { [Link] = "投票" });

        const string Href = "href=\"https://yishi.example.cn/t/abc.DEF-123_x?lang=zh-CN&amp;a=1\"";
        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        // The button, then the same link written out for mail apps that do not show buttons.
        var button = html.IndexOf(Href + " style=\"display:inline-block", StringComparison.Ordinal);
        Assert.True(button > 0, html);
        Assert.Contains(">投票</a>", html, StringComparison.Ordinal);
        Assert.Equal(2, html.Split(Href).Length - 1);
        Assert.Contains("按钮打不开时，请复制下面的链接到浏览器中打开：", html, StringComparison.Ordinal);
        // The words are the text's own, encoded: no markup comes from the text.
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("候选人：&lt;script&gt;alert(1)&lt;/script&gt; 张三 &amp; 李四", html, StringComparison.Ordinal);
        Assert.Contains("  1. 周一晚上\n  2. 周二晚上", html, StringComparison.Ordinal);
        Assert.Contains("王芳您好：", html, StringComparison.Ordinal);
        Assert.Contains("社区居委会", html, StringComparison.Ordinal);
        // A link inside a sentence stays in the sentence, as a link, not a button.
        Assert.Contains("详见 <a href=\"https://yishi.example.cn/help\"", html, StringComparison.Ordinal);
        Assert.Single(html.Split("display:inline-block").Skip(1));
    }

    [Fact]
    public void FromText_LinkWithoutWords_GetsTheGeneralButton_InTheEmailsLanguage()
    {
        Assert.Contains(">打开链接</a>", EmailHtml.FromText($"请打开：\n{Link}\n"), StringComparison.Ordinal);
        var english = EmailHtml.FromText($"Please open:\n{Link}\n");
        Assert.Contains(">Open the link</a>", english, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
        Assert.DoesNotContain("display:inline-block", EmailHtml.FromText("javascript:alert(1)\nftp://example.com/x\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Deliverer_SendsTheTextAndTheHtmlMadeFromIt_ButKeepsAComposersOwnHtml()
    {
        var deliverer = new EmailDeliverer(new MailOptions(), Path.GetTempPath());
        OutboxMessage Outbox(EmailMessage email) => new(Guid.NewGuid(), null, EmailMessage.OutboxKind,
            JsonSerializer.Serialize(email, DefinitionJson.Options), new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));

        var plain = deliverer.Compose(Outbox(new EmailMessage(["a@example.com"], "请投票", Body) { LinkLabels = new Dictionary<string, string> { [Link] = "投票" } }));
        Assert.Equal(Body, plain.TextBody);
        Assert.Contains(">投票</a>", plain.HtmlBody, StringComparison.Ordinal);

        var own = deliverer.Compose(Outbox(new EmailMessage(["a@example.com"], "会议纪要", Body) { HtmlBody = "<p>纪要</p>" }));
        Assert.Equal("<p>纪要</p>", own.HtmlBody);
    }
}
