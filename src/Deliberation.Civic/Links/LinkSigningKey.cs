namespace Deliberation.Civic.Links;

/// <summary>
/// The key that signs links: from configuration, else from a key file in the data folder, which is
/// generated on the first start (<c>Deliberation.Integrations.Files.SecretKeyFile</c>). Losing the key retires
/// every link sent so far (staff can reissue them); leaking it lets anyone answer for anyone.
/// </summary>
public static class LinkSigningKey
{
    /// <summary>Bytes in a generated key.</summary>
    public const int GeneratedKeyBytes = 32;

    /// <summary>Decodes a configured key (standard base64 or base64url).</summary>
    /// <exception cref="FormatException">Not base64, or shorter than <see cref="LinkSigner.MinimumKeyBytes"/> bytes.</exception>
    public static byte[] Parse(string base64)
    {
        ArgumentNullException.ThrowIfNull(base64);
        var text = base64.Trim().Replace('-', '+').Replace('_', '/');
        text = text.PadRight(text.Length + (4 - text.Length % 4) % 4, '=');
        byte[] key;
        try
        {
            key = Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new FormatException("The link-signing key is not base64.");
        }
        return key.Length >= LinkSigner.MinimumKeyBytes
            ? key
            : throw new FormatException($"The link-signing key must be at least {LinkSigner.MinimumKeyBytes} bytes; it has {key.Length}.");
    }
}
