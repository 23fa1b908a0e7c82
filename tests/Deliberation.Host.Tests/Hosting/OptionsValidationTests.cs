using Microsoft.Extensions.Options;

namespace Deliberation.Host.Tests.Hosting;

/// <summary>A host with a misspelt or impossible setting does not start, and says which setting.</summary>
public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("Deliberation:Mail:SmtpPort", "0", "SmtpPort")]
    [InlineData("Deliberation:Mail:SmtpSecurity", "Tls", "SmtpSecurity")]
    [InlineData("Deliberation:Mail:From", "not an address", "From")]
    [InlineData("Deliberation:Timers:PollInterval", "00:00:00", "PollInterval")]
    [InlineData("Deliberation:Timers:BatchSize", "0", "BatchSize")]
    [InlineData("Deliberation:Database:Provider", "MySql", "Provider")]
    [InlineData("Deliberation:Links:RequestsPerMinute", "0", "RequestsPerMinute")]
    [InlineData("Deliberation:Auth:FailuresPerAccount", "0", "FailuresPerAccount")]
    [InlineData("Deliberation:Imap:ReplyAddress", "reply@example.cn", "ReplyAddress")] // replies that no mailbox reader would read
    public void Start_InvalidSetting_FailsNamingIt(string key, string value, string named)
    {
        using var host = new HostFactory { Settings = { [key] = value } };

        var failure = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        var validation = failure as OptionsValidationException ?? failure.InnerException as OptionsValidationException
            ?? (failure as AggregateException)?.InnerExceptions.OfType<OptionsValidationException>().FirstOrDefault();
        Assert.True(validation is not null, failure.ToString());
        Assert.Contains(validation.Failures, f => f.Contains(named, StringComparison.Ordinal));
    }

    [Fact]
    public void Start_ImapHostWithBadSettings_FailsNamingEach()
    {
        using var host = new HostFactory
        {
            Settings =
            {
                ["Deliberation:Imap:Host"] = "imap.example.cn", ["Deliberation:Imap:Security"] = "Tls",
                ["Deliberation:Imap:ReplyAddress"] = "reply+x@example.cn", ["Deliberation:Imap:PollInterval"] = "00:00:01",
            },
        };

        var failure = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        var validation = failure as OptionsValidationException ?? failure.InnerException as OptionsValidationException
            ?? (failure as AggregateException)?.InnerExceptions.OfType<OptionsValidationException>().FirstOrDefault();
        Assert.True(validation is not null, failure.ToString());
        foreach (var named in new[] { "Imap:Security", "Imap:User", "Imap:ReplyAddress", "Imap:PollInterval" })
            Assert.Contains(validation.Failures, f => f.Contains(named, StringComparison.Ordinal));
    }
}
