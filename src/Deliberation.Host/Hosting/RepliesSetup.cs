using Deliberation.Civic.Links;
using Deliberation.Civic.Replies;
using Deliberation.Integrations.Mail;
using Microsoft.Extensions.Options;

namespace Deliberation.Host.Hosting;

/// <summary>Registers answering by reply: the signed reply addresses, the reply processor and the IMAP reader of <c>Deliberation:Imap</c>.</summary>
public static class RepliesSetup
{
    /// <summary>
    /// Adds <see cref="ImapOptions"/> (checked at start-up), <see cref="ReplyAddresses"/> (off while no mailbox is configured,
    /// so emails invite no reply nobody reads), <see cref="ReplyProcessor"/>, <see cref="ImapReplyReader"/> and its loop,
    /// <see cref="ImapReplyProcess"/>, which the host runs only when a mailbox is configured.
    /// </summary>
    public static IServiceCollection AddReplies(this IServiceCollection services)
    {
        services.AddOptions<ImapOptions>().BindConfiguration(ImapOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ImapOptions>, ImapOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ImapOptions>>().Value);
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<ImapOptions>();
            return new ReplyAddresses(sp.GetRequiredService<LinkSigner>(), options.Enabled ? options.ReplyAddress : null);
        });
        services.AddSingleton<ReplyProcessor>();
        services.AddSingleton<ImapReplyReader>();
        services.AddSingleton<ImapReplyProcess>();
        return services;
    }
}
