using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Deliberation.Civic.Links;
using Deliberation.Civic.Participation;

namespace Deliberation.Civic.Replies;

/// <summary>
/// The signed reply address of a task's email: <c>reply+TOKEN@example.cn</c> for a configured <c>reply@example.cn</c>, where
/// the token is base32 (lower case, 42 characters, so the local part stays under 64 and survives servers that fold case) of
/// the task's id and an 80-bit HMAC over the task's id, person, purpose and link version, with a key derived from the
/// link-signing key. A reply is matched to its task by this token only, never by the sender's address; reissuing the
/// task's link retires the address too. Without a configured address (no mailbox is read) emails invite no reply.
/// </summary>
public sealed partial class ReplyAddresses
{
    /// <summary>The characters of a token.</summary>
    public const int TokenLength = 42;

    private const int IdBytes = 16, MacBytes = 10;
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    private readonly Lazy<byte[]> _key;
    private readonly string? _local;
    private readonly string? _domain;

    /// <summary>Creates the address maker.</summary>
    /// <param name="signer">Holds the secret the addresses are signed with.</param>
    /// <param name="replyAddress">The mailbox read for replies, e.g. <c>reply@example.cn</c>; null or empty when none is.</param>
    /// <exception cref="ArgumentException">The address is not a plain address without <c>+</c> in its local part.</exception>
    public ReplyAddresses(LinkSigner signer, string? replyAddress)
    {
        ArgumentNullException.ThrowIfNull(signer);
        _key = new Lazy<byte[]>(() => signer.DeriveKey("reply-address"), LazyThreadSafetyMode.PublicationOnly);
        if (string.IsNullOrWhiteSpace(replyAddress)) return;
        var address = replyAddress.Trim();
        var at = address.LastIndexOf('@');
        if (at <= 0 || at == address.Length - 1 || address.Contains('+', StringComparison.Ordinal) || !Communities.EmailAddresses.IsValid(address))
            throw new ArgumentException($"The reply address must be a plain address without '+', such as reply@example.cn, not '{address}'.", nameof(replyAddress));
        _local = address[..at];
        _domain = address[(at + 1)..];
    }

    /// <summary>Whether replies are read: emails carry a reply address only then.</summary>
    public bool Enabled => _local is not null;

    /// <summary>The reply address of the task; null when replies are not read.</summary>
    public string? For(ParticipationTask task) => Enabled ? $"{_local}+{Token(task)}@{_domain}" : null;

    /// <summary>
    /// What a task's email adds to be answerable by reply: the Reply-To address and the lines that say how
    /// (<see cref="ReplyEmails.Invitation"/>); null when replies are not read.
    /// </summary>
    public ReplyInvite? Invite(ParticipationTask task, TaskForm form) =>
        Enabled ? new ReplyInvite(For(task)!, ReplyEmails.Invitation(form, Token(task))) : null;

    /// <summary>The task's token.</summary>
    public string Token(ParticipationTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var bytes = new byte[IdBytes + MacBytes];
        task.Id.TryWriteBytes(bytes.AsSpan(0, IdBytes), bigEndian: true, out _);
        Mac(task).AsSpan(0, MacBytes).CopyTo(bytes.AsSpan(IdBytes));
        return Encode(bytes);
    }

    /// <summary>The task a token names, when it has a token's shape (its signature is checked by <see cref="Matches"/>).</summary>
    public static bool TryReadTaskId(string? token, out Guid taskId)
    {
        taskId = Guid.Empty;
        if (token is null || token.Length != TokenLength || Decode(token) is not { } bytes) return false;
        taskId = new Guid(bytes.AsSpan(0, IdBytes), bigEndian: true);
        return true;
    }

    /// <summary>Whether the token was made for this task as it is now (its person, purpose and current link version).</summary>
    public bool Matches(string? token, ParticipationTask? task)
    {
        if (task is null || token is null || token.Length != TokenLength || Decode(token) is not { } bytes) return false;
        if (new Guid(bytes.AsSpan(0, IdBytes), bigEndian: true) != task.Id) return false;
        return CryptographicOperations.FixedTimeEquals(bytes.AsSpan(IdBytes), Mac(task).AsSpan(0, MacBytes));
    }

    /// <summary>
    /// The tokens an incoming reply carries, most trusted first: those of addresses <c>local+TOKEN@domain</c> of this
    /// mailbox, then token-shaped words of the subject and the body (a reply sent to the sender's address still quotes the
    /// original, whose footer names the token). Checked by <see cref="Matches"/> before use.
    /// </summary>
    public IReadOnlyList<string> TokensIn(IncomingReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var tokens = new List<string>();
        if (Enabled)
        {
            var prefix = _local + "+";
            foreach (var address in reply.Recipients)
            {
                var at = address.LastIndexOf('@');
                if (at <= prefix.Length || !address.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                    || !string.Equals(address[(at + 1)..], _domain, StringComparison.OrdinalIgnoreCase)) continue;
                tokens.Add(address[prefix.Length..at].ToLowerInvariant());
            }
        }
        foreach (var text in new[] { reply.Subject, reply.Text })
        {
            if (string.IsNullOrEmpty(text)) continue;
            foreach (System.Text.RegularExpressions.Match match in TokenWord().Matches(text)) tokens.Add(match.Value.ToLowerInvariant());
        }
        // A hostile message could carry thousands of candidates; a real one has one or two.
        return tokens.Where(t => TryReadTaskId(t, out _)).Distinct(StringComparer.Ordinal).Take(5).ToList();
    }

    private byte[] Mac(ParticipationTask task)
    {
        var purpose = Encoding.UTF8.GetBytes(task.Purpose);
        var data = new byte[IdBytes * 2 + 4 + purpose.Length];
        task.Id.TryWriteBytes(data.AsSpan(0, IdBytes), bigEndian: true, out _);
        task.PersonId.TryWriteBytes(data.AsSpan(IdBytes, IdBytes), bigEndian: true, out _);
        BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(IdBytes * 2, 4), task.LinkVersion);
        purpose.CopyTo(data.AsSpan(IdBytes * 2 + 4));
        return HMACSHA256.HashData(_key.Value, data);
    }

    private static string Encode(byte[] bytes)
    {
        var text = new StringBuilder(TokenLength);
        int buffer = 0, bits = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                text.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) text.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        return text.ToString();
    }

    /// <summary>Decodes a token (either case); null for another shape or a non-canonical last character.</summary>
    private static byte[]? Decode(string token)
    {
        var bytes = new byte[IdBytes + MacBytes];
        int buffer = 0, bits = 0, count = 0;
        foreach (var c in token)
        {
            var value = Alphabet.IndexOf(char.ToLowerInvariant(c), StringComparison.Ordinal);
            if (value < 0) return null;
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits < 8) continue;
            if (count == bytes.Length) return null;
            bytes[count++] = (byte)(buffer >> (bits - 8));
            bits -= 8;
            buffer &= (1 << bits) - 1;
        }
        return count == bytes.Length && buffer == 0 ? bytes : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex("(?<![A-Za-z0-9])[A-Za-z2-7]{42}(?![A-Za-z0-9])")]
    private static partial System.Text.RegularExpressions.Regex TokenWord();
}
