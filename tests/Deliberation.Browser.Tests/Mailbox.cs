using System.Text.RegularExpressions;

namespace Deliberation.Browser.Tests;

/// <summary>
/// The host's mail pickup folder read as residents read their mail: the newest message to an address whose subject
/// says what it is, and the answer links in it. A message read once is not handed out again.
/// </summary>
public sealed partial class Mailbox(BrowserWorld world)
{
    private readonly HashSet<string> _read = [];

    /// <summary>The path of the <paramref name="index"/>th answer link in the newest unread message to the address whose subject contains the text.</summary>
    public async Task<string> LinkAsync(string address, string subjectPart, int index = 0)
    {
        var message = await FindAsync(address, subjectPart, m => AnswerLink().Count(m.TextBody ?? "") > index);
        return new Uri(AnswerLink().Matches(message.TextBody ?? "")[index].Value).AbsolutePath;
    }

    /// <summary>The newest unread message to the address whose subject contains the text.</summary>
    public Task<MimeKit.MimeMessage> MessageAsync(string address, string subjectPart) => FindAsync(address, subjectPart, _ => true);

    private async Task<MimeKit.MimeMessage> FindAsync(string address, string subjectPart, Func<MimeKit.MimeMessage, bool> fits)
    {
        var pickup = Path.Combine(world.DataPath, "mail", "pickup");
        MimeKit.MimeMessage? found = null;
        await BrowserWorld.UntilAsync(() =>
        {
            if (!Directory.Exists(pickup)) return Task.FromResult(false);
            foreach (var file in Directory.GetFiles(pickup, "*.eml").OrderByDescending(File.GetLastWriteTimeUtc))
            {
                if (_read.Contains(file)) continue;
                var message = MimeKit.MimeMessage.Load(file);
                if (!message.To.Mailboxes.Any(m => m.Address == address) || !(message.Subject ?? "").Contains(subjectPart, StringComparison.Ordinal)
                    || !fits(message)) continue;
                _read.Add(file);
                found = message;
                return Task.FromResult(true);
            }
            return Task.FromResult(false);
        }, $"an email to {address} about “{subjectPart}”");
        return found!;
    }

    [GeneratedRegex(@"https?://[^\s/]+/t/[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+")]
    private static partial Regex AnswerLink();
}
