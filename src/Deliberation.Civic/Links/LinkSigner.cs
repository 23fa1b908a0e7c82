using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Deliberation.Civic.Links;

/// <summary>
/// Makes and checks the signed links in stakeholder emails. A token is
/// <c>base64url(payload) "." base64url(HMAC-SHA256(key, payload))</c>; the payload is compact binary
/// so the URL stays short enough for mail clients and WeChat:
/// <list type="bullet">
/// <item>1 byte format (1)</item>
/// <item>16 bytes task id, 16 bytes person id (big-endian GUID bytes)</item>
/// <item>8 bytes expiry in Unix seconds, 4 bytes link version (big-endian)</item>
/// <item>the purpose in UTF-8 (the rest, 1–40 bytes)</item>
/// </list>
/// The payload is readable by anyone holding the link; it holds ids only, no names or addresses.
/// </summary>
public sealed class LinkSigner
{
    /// <summary>The shortest key accepted: 256 bits, the HMAC-SHA256 block strength.</summary>
    public const int MinimumKeyBytes = 32;

    /// <summary>The longest purpose a token carries (the <c>tasks.purpose</c> column's length).</summary>
    public const int MaxPurposeBytes = 40;

    private const byte Format = 1;
    private const int FixedBytes = 1 + 16 + 16 + 8 + 4;
    private const int MacBytes = 32;

    // Longer inputs cannot be ours; refusing them early keeps hostile URLs cheap.
    private const int MaxTokenChars = 256;

    private readonly Lazy<byte[]> _key;

    /// <summary>Creates a signer.</summary>
    /// <exception cref="ArgumentException">The key is shorter than <see cref="MinimumKeyBytes"/>.</exception>
    public LinkSigner(ReadOnlySpan<byte> key)
    {
        var copy = Checked(key.ToArray(), nameof(key));
        _key = new Lazy<byte[]>(copy);
    }

    /// <summary>
    /// Creates a signer whose key is read on first use: a host whose key lives in its database knows it only once the
    /// database is migrated, after the services that sign were created. A failed read is tried again on the next use.
    /// </summary>
    /// <exception cref="ArgumentException">(On first use) the key is shorter than <see cref="MinimumKeyBytes"/>.</exception>
    public LinkSigner(Func<byte[]> loadKey)
    {
        ArgumentNullException.ThrowIfNull(loadKey);
        _key = new Lazy<byte[]>(() => Checked(loadKey(), nameof(loadKey)), LazyThreadSafetyMode.PublicationOnly);
    }

    private static byte[] Checked(byte[] key, string parameter) => key.Length >= MinimumKeyBytes
        ? key
        : throw new ArgumentException($"The link-signing key must be at least {MinimumKeyBytes} bytes; it has {key.Length}.", parameter);

    /// <summary>
    /// A key for another use of the same secret (e.g. <c>reply-address</c>), derived as HMAC-SHA256(key, label): a token
    /// made for one use never checks out for another, and one secret still signs them all.
    /// </summary>
    /// <param name="label">What the key is for; each use its own.</param>
    public byte[] DeriveKey(string label)
    {
        ArgumentException.ThrowIfNullOrEmpty(label);
        return HMACSHA256.HashData(_key.Value, Encoding.UTF8.GetBytes("deliberation/" + label));
    }

    /// <summary>Makes a token.</summary>
    /// <exception cref="ArgumentException">The purpose is empty or longer than <see cref="MaxPurposeBytes"/> bytes.</exception>
    public string Sign(LinkClaims claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var purposeBytes = Encoding.UTF8.GetByteCount(claims.Purpose ?? "");
        if (purposeBytes is 0 or > MaxPurposeBytes)
            throw new ArgumentException($"A link's purpose must be 1–{MaxPurposeBytes} bytes.", nameof(claims));

        var payload = new byte[FixedBytes + purposeBytes];
        payload[0] = Format;
        claims.TaskId.TryWriteBytes(payload.AsSpan(1, 16), bigEndian: true, out _);
        claims.PersonId.TryWriteBytes(payload.AsSpan(17, 16), bigEndian: true, out _);
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(33, 8), claims.ExpiresAt.ToUnixTimeSeconds());
        BinaryPrimitives.WriteInt32BigEndian(payload.AsSpan(41, 4), claims.LinkVersion);
        Encoding.UTF8.GetBytes(claims.Purpose, payload.AsSpan(FixedBytes));
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(_key.Value, payload));
    }

    /// <summary>
    /// Checks a token's shape, signature and expiry. The result is <see cref="LinkStatus.Valid"/>,
    /// <see cref="LinkStatus.Malformed"/> or <see cref="LinkStatus.Expired"/>; check it
    /// <see cref="LinkVerification.Against"/> the task it names before using it.
    /// </summary>
    public LinkVerification Verify(string? token, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenChars) return LinkVerification.Malformed;
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot != token.LastIndexOf('.')) return LinkVerification.Malformed;
        var payload = DecodeCanonical(token.AsSpan(0, dot));
        var mac = DecodeCanonical(token.AsSpan(dot + 1));
        if (payload is null || mac is null || mac.Length != MacBytes) return LinkVerification.Malformed;

        // Compare in constant time so that the response time does not reveal how much of a forged MAC is right.
        if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(_key.Value, payload), mac)) return LinkVerification.Malformed;
        if (payload.Length <= FixedBytes || payload.Length > FixedBytes + MaxPurposeBytes || payload[0] != Format) return LinkVerification.Malformed;

        string purpose;
        try
        {
            purpose = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(payload, FixedBytes, payload.Length - FixedBytes);
        }
        catch (DecoderFallbackException)
        {
            return LinkVerification.Malformed;
        }
        var seconds = BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(33, 8));
        if (seconds < 0 || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds()) return LinkVerification.Malformed;
        var claims = new LinkClaims(
            new Guid(payload.AsSpan(1, 16), bigEndian: true),
            new Guid(payload.AsSpan(17, 16), bigEndian: true),
            purpose,
            DateTimeOffset.FromUnixTimeSeconds(seconds),
            BinaryPrimitives.ReadInt32BigEndian(payload.AsSpan(41, 4)));
        return new LinkVerification(now >= claims.ExpiresAt ? LinkStatus.Expired : LinkStatus.Valid, claims);
    }

    /// <summary>
    /// Decodes base64url and insists on the one canonical spelling: a decoder that ignores the unused
    /// low bits of the last character would accept a changed character as the same token.
    /// </summary>
    private static byte[]? DecodeCanonical(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return null;
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(text);
        }
        catch (FormatException)
        {
            return null;
        }
        return text.SequenceEqual(Base64Url.EncodeToString(bytes)) ? bytes : null;
    }
}
