using System.Buffers.Binary;

namespace Deliberation.Civic.Printing;

/// <summary>
/// Takes one font out of a TrueType collection (<c>.ttc</c>, as Debian ships WenQuanYi and Noto CJK): PDFsharp reads
/// single fonts only. The font's tables are copied as they are, each table's offset rewritten for the new file.
/// </summary>
public static class TrueTypeCollection
{
    /// <summary>Whether the bytes are a collection (they start with <c>ttcf</c>).</summary>
    public static bool IsCollection(ReadOnlySpan<byte> font) => font.Length >= 16 && font[..4].SequenceEqual("ttcf"u8);

    /// <summary>The <paramref name="index"/>-th font of a collection as a single font file; a single font is returned as it is.</summary>
    /// <exception cref="FormatException">The collection is cut short or has no such font.</exception>
    public static byte[] Extract(byte[] font, int index = 0)
    {
        ArgumentNullException.ThrowIfNull(font);
        if (!IsCollection(font)) return font;
        try
        {
            var count = BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(8));
            if (index < 0 || index >= count) throw new FormatException($"The collection has {count} fonts; there is no font {index}.");
            var directory = checked((int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(12 + 4 * index)));
            int tables = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(directory + 4));
            var header = 12 + 16 * tables;
            var size = header;
            for (var i = 0; i < tables; i++) size = checked(size + Padded(Length(font, directory, i)));
            var single = new byte[size];
            font.AsSpan(directory, header).CopyTo(single);
            var at = header;
            for (var i = 0; i < tables; i++)
            {
                var record = directory + 12 + 16 * i;
                var offset = checked((int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(record + 8)));
                var length = Length(font, directory, i);
                font.AsSpan(offset, length).CopyTo(single.AsSpan(at));
                BinaryPrimitives.WriteUInt32BigEndian(single.AsSpan(12 + 16 * i + 8), (uint)at);
                at += Padded(length);
            }
            return single;
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or ArgumentException or OverflowException)
        {
            throw new FormatException("The font collection is cut short or malformed.", e);
        }
    }

    private static int Length(byte[] font, int directory, int table) =>
        checked((int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(directory + 12 + 16 * table + 12)));

    // Tables start on four-byte boundaries.
    private static int Padded(int length) => (length + 3) & ~3;
}
