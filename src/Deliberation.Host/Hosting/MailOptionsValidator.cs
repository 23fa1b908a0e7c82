using Deliberation.Integrations.Mail;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Deliberation.Host.Hosting;

/// <summary>Checks <c>Deliberation:Mail</c> at start-up, so that a typo stops the host instead of every email failing later.</summary>
public sealed class MailOptionsValidator : IValidateOptions<MailOptions>
{
    private static readonly string[] Securities = ["None", "StartTls", "StartTlsWhenAvailable", "SslOnConnect"];

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, MailOptions options)
    {
        var failures = new List<string>();
        if (options.SmtpPort is < 1 or > 65535) failures.Add($"{MailOptions.SectionName}:SmtpPort must be 1–65535, not {options.SmtpPort}.");
        if (!Securities.Contains(options.SmtpSecurity, StringComparer.OrdinalIgnoreCase))
            failures.Add($"{MailOptions.SectionName}:SmtpSecurity must be one of {string.Join(", ", Securities)}, not '{options.SmtpSecurity}'.");
        if (!MailboxAddress.TryParse(options.From, out var from) || from.Address.IndexOf('@', StringComparison.Ordinal) <= 0)
            failures.Add($"{MailOptions.SectionName}:From must be an email address, not '{options.From}'.");
        if (string.IsNullOrWhiteSpace(options.MessageIdDomain) || options.MessageIdDomain.Any(c => char.IsWhiteSpace(c) || c is '<' or '>' or '@'))
            failures.Add($"{MailOptions.SectionName}:MessageIdDomain must be a domain such as deliberation.example.cn.");
        if (!options.UsesSmtp && string.IsNullOrWhiteSpace(options.PickupPath))
            failures.Add($"{MailOptions.SectionName}:PickupPath is needed when no SmtpHost is set.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
