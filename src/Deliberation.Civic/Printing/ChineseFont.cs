using Deliberation.Engine.Runtime;
using PdfSharp.Fonts;

namespace Deliberation.Civic.Printing;

/// <summary>
/// The Chinese font of every PDF the host prints (sealed minutes, notices): one CJK font file, found once per process —
/// the path configured as <c>Deliberation:Printing:ChineseFont</c>, else the first of the usual Debian fonts under
/// <c>/usr/share/fonts</c> (WenQuanYi Zen Hei from <c>fonts-wqy-zenhei</c> first). PDFsharp embeds only the glyphs a
/// document uses. Without such a font nothing is printed: the step raises an incident that names the package to install.
/// </summary>
public static class ChineseFont
{
    /// <summary>The family name documents ask PDFsharp for.</summary>
    public const string Family = "Deliberation Chinese";

    /// <summary>The configuration key of an explicit font file (<c>.ttf</c>, <c>.otf</c> or <c>.ttc</c>).</summary>
    public const string ConfigurationKey = "Deliberation:Printing:ChineseFont";

    /// <summary>Font files tried in order when none is configured, then any file under the font folders whose name has one of <see cref="NameHints"/>.</summary>
    public static IReadOnlyList<string> KnownFiles { get; } =
    [
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
        "/usr/share/fonts/truetype/arphic/uming.ttc",
        "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    ];

    /// <summary>Parts of file names of CJK fonts, looked for under the font folders.</summary>
    public static IReadOnlyList<string> NameHints { get; } = ["zenhei", "microhei", "NotoSansCJK", "NotoSerifCJK", "SourceHanSans", "SourceHanSerif", "DroidSansFallback"];

    private static readonly string[] FontFolders = ["/usr/share/fonts", "/usr/local/share/fonts"];
    private static readonly Lock Gate = new();
    private static string? _configured;
    private static byte[]? _font;

    /// <summary>
    /// Uses <paramref name="path"/> rather than searching (the host passes <see cref="ConfigurationKey"/>); null or empty
    /// searches. Takes effect for the first document printed in the process.
    /// </summary>
    public static void Configure(string? path)
    {
        lock (Gate) _configured = string.IsNullOrWhiteSpace(path) ? null : path.Trim();
    }

    /// <summary>The font file that would be used: the configured one, else the first found; null when there is none.</summary>
    public static string? Locate()
    {
        string? configured;
        lock (Gate) configured = _configured;
        if (configured is not null) return File.Exists(configured) ? configured : null;
        foreach (var file in KnownFiles) if (File.Exists(file)) return file;
        foreach (var folder in FontFolders.Where(Directory.Exists))
        {
            var found = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".ttf", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".ttc", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".otf", StringComparison.OrdinalIgnoreCase))
                .Where(f => NameHints.Any(h => Path.GetFileName(f).Contains(h, StringComparison.OrdinalIgnoreCase)))
                .Order(StringComparer.Ordinal).FirstOrDefault();
            if (found is not null) return found;
        }
        return null;
    }

    /// <summary>Makes PDFsharp find <see cref="Family"/> (once per process; PDFsharp's font settings are global).</summary>
    /// <exception cref="ActivityFaultException">No Chinese font is installed (code <c>print-no-chinese-font</c>).</exception>
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (_font is null)
            {
                var file = Locate() ?? throw PrintingFaults.NoChineseFont.Fault(("setting", ConfigurationKey));
                _font = TrueTypeCollection.Extract(File.ReadAllBytes(file));
            }
            if (GlobalFontSettings.FontResolver is not Resolver) GlobalFontSettings.FontResolver = new Resolver();
        }
    }

    private static byte[] Bytes()
    {
        lock (Gate) return _font ?? throw new InvalidOperationException("ChineseFont.EnsureRegistered was not called.");
    }

    /// <summary>Every family and style resolves to the one face; bold is simulated (headings).</summary>
    private sealed class Resolver : IFontResolver
    {
        public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) => new(Family, bold, italic);

        public byte[] GetFont(string faceName) => Bytes();
    }
}
