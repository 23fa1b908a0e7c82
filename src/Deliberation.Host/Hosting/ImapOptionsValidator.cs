using Deliberation.Civic.Communities;
using Deliberation.Integrations.Mail;
using Microsoft.Extensions.Options;

namespace Deliberation.Host.Hosting;

/// <summary>Checks <c>Deliberation:Imap</c> at start-up when a mailbox is configured, so that a typo stops the host instead of replies going unread.</summary>
public sealed class ImapOptionsValidator : IValidateOptions<ImapOptions>
{
    private static readonly string[] Securities = ["None", "StartTls", "StartTlsWhenAvailable", "SslOnConnect"];

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, ImapOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var section = ImapOptions.SectionName;
        if (!options.Enabled)
        {
            return string.IsNullOrWhiteSpace(options.ReplyAddress) ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"{section}:ReplyAddress is set but {section}:Host is not: replies to it would never be read.");
        }
        var failures = new List<string>();
        if (options.Port is < 1 or > 65535) failures.Add($"{section}:Port must be 1–65535, not {options.Port}.");
        if (!Securities.Contains(options.Security, StringComparer.OrdinalIgnoreCase))
            failures.Add($"{section}:Security must be one of {string.Join(", ", Securities)}, not '{options.Security}'.");
        if (string.IsNullOrWhiteSpace(options.User)) failures.Add($"{section}:User is needed with {section}:Host.");
        var reply = options.ReplyAddress?.Trim() ?? "";
        if (!EmailAddresses.IsValid(reply) || reply.Contains('+', StringComparison.Ordinal))
            failures.Add($"{section}:ReplyAddress must be the mailbox's address without '+' (e.g. reply@example.cn; replies come to reply+TOKEN@example.cn), not '{reply}'.");
        if (string.IsNullOrWhiteSpace(options.Folder)) failures.Add($"{section}:Folder must name the folder replies arrive in (e.g. INBOX).");
        if (string.IsNullOrWhiteSpace(options.ProcessedFolder) || string.Equals(options.ProcessedFolder, options.Folder, StringComparison.OrdinalIgnoreCase))
            failures.Add($"{section}:ProcessedFolder must name another folder than {section}:Folder.");
        if (options.PollInterval < TimeSpan.FromSeconds(5)) failures.Add($"{section}:PollInterval must be at least 5 seconds.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
