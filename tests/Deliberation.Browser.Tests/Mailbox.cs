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
        var pickup = Path.Combine(world.DataPath, "mail", "pickup");
        string? link = null;
        await BrowserWorld.UntilAsync(() =>
        {
            if (!Directory.Exists(pickup)) return Task.FromResult(false);
            foreach (var file in Directory.GetFiles(pickup, "*.eml").OrderByDescending(File.GetLastWriteTimeUtc))
            {
                if (_read.Contains(file)) continue;
                var message = MimeKit.MimeMessage.Load(file);
                if (!message.To.Mailboxes.Any(m => m.Address == address) || !(message.Subject ?? "").Contains(subjectPart, StringComparison.Ordinal)) continue;
                var links = AnswerLink().Matches(message.TextBody ?? "");
                if (links.Count <= index) continue;
                _read.Add(file);
                link = new Uri(links[index].Value).AbsolutePath;
                return Task.FromResult(true);
            }
            return Task.FromResult(false);
        }, $"an email to {address} about “{subjectPart}”");
        return link!;
    }

    [GeneratedRegex(@"https?://[^\s/]+/t/[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+")]
    private static partial Regex AnswerLink();
}
