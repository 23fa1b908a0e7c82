using System.Text;
using System.Text.Json;
using Deliberation.Engine.Definitions;
using Deliberation.Engine.Messaging;
using Deliberation.Engine.Storage;
using Deliberation.Integrations.Mail;
using MimeKit;

namespace Deliberation.Engine.Tests.Messaging;

public sealed class EmailDelivererAttachmentTests
{
    private const string Ics = "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nSUMMARY:居民议事会\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    private static readonly EmailDeliverer Deliverer = new(new MailOptions(), Path.GetTempPath());

    private static OutboxMessage Outbox(string payload) =>
        new(Guid.NewGuid(), null, EmailMessage.OutboxKind, payload, new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));

    private static OutboxMessage Outbox(EmailMessage email) => Outbox(JsonSerializer.Serialize(email, DefinitionJson.Options));

    [Fact]
    public void Compose_WithIcsAttachment_AddsCalendarAttachmentWithMethodRequest()
    {
        var email = new EmailMessage(["resident@example.com"], "会议邀请", "请查收附件。")
        {
            Attachments = [EmailAttachment.FromText("invite.ics", "text/calendar", Ics)],
        };

        var mime = Deliverer.Compose(Outbox(email));

        var attachment = Assert.IsAssignableFrom<MimePart>(Assert.Single(mime.Attachments));
        Assert.Equal("invite.ics", attachment.FileName);
        Assert.True(attachment.ContentType.IsMimeType("text", "calendar"));
        Assert.Equal("REQUEST", attachment.ContentType.Parameters["method"]);
        Assert.Equal("utf-8", attachment.ContentType.Charset);
        using var bytes = new MemoryStream();
        attachment.Content!.DecodeTo(bytes);
        Assert.Equal(Encoding.UTF8.GetBytes(Ics), bytes.ToArray());
        Assert.Equal("请查收附件。", mime.TextBody);
    }

    [Fact]
    public void Compose_WithBinaryAttachment_KeepsContentTypeAndBytes()
    {
        byte[] pdf = [0x25, 0x50, 0x44, 0x46, 0x00, 0xFF, 0x10];
        var email = new EmailMessage(["resident@example.com"], "议程", "见附件")
        {
            Attachments = [new EmailAttachment("议程.pdf", "application/pdf", Convert.ToBase64String(pdf))],
        };

        var mime = Deliverer.Compose(Outbox(email));

        var attachment = Assert.IsAssignableFrom<MimePart>(Assert.Single(mime.Attachments));
        Assert.Equal("议程.pdf", attachment.FileName);
        Assert.Equal("application/pdf", attachment.ContentType.MimeType);
        Assert.False(attachment.ContentType.Parameters.Contains("method"));
        using var bytes = new MemoryStream();
        attachment.Content!.DecodeTo(bytes);
        Assert.Equal(pdf, bytes.ToArray());
    }

    [Fact]
    public void Compose_LegacyPayloadWithoutAttachments_IsItsTextWithTheHtmlMadeFromIt()
    {
        var mime = Deliverer.Compose(Outbox("""{"to":["resident@example.com"],"subject":"提醒","body":"明晚开会"}"""));

        Assert.Empty(mime.Attachments);
        var alternative = Assert.IsType<MultipartAlternative>(mime.Body);
        Assert.Equal("明晚开会", alternative.TextBody);
        Assert.Contains("明晚开会", alternative.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_WithoutAttachments_OmitsTheProperty()
    {
        var json = JsonSerializer.Serialize(new EmailMessage(["a@example.com"], "s", "b"), DefinitionJson.Options);

        Assert.DoesNotContain("attachments", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Compose_InvalidBase64_IsAPermanentFailure()
    {
        var email = new EmailMessage(["resident@example.com"], "s", "b")
        {
            Attachments = [new EmailAttachment("invite.ics", "text/calendar", "not base64!")],
        };

        var ex = Assert.Throws<OutboxDeliveryException>(() => Deliverer.Compose(Outbox(email)));
        Assert.True(ex.Permanent);
    }
}
