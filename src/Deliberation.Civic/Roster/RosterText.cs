using System.Text;

namespace Deliberation.Civic.Roster;

/// <summary>
/// Decodes the bytes of a CSV roster. Excel's "CSV UTF-8" writes UTF-8 with a byte order mark; its
/// plain "CSV" and WPS on Chinese Windows write the ANSI code page, GBK, which GB18030 contains.
/// </summary>
internal static class RosterText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly Lazy<Encoding> Gb18030 = new(() =>
    {
        // The code-page encodings ship with .NET but are not available until registered.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    });

    /// <summary>
    /// Strict UTF-8 first: GBK text is almost never valid UTF-8 (its lead bytes 0x81–0xFE rarely
    /// form UTF-8 sequences), while ASCII is both. Null when neither decodes the bytes.
    /// </summary>
    public static string? Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8: try the Chinese ANSI encoding below.
        }
        try
        {
            return Gb18030.Value.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
