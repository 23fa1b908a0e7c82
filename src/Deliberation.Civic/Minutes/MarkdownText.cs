using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Deliberation.Civic.Minutes;

/// <summary>
/// Text people wrote (a proposal, a reason, a name) as it goes into the minutes' Markdown: always as text, never as a
/// link, an image, a heading, a list, a table or HTML. The characters Markdown reads as syntax are escaped with a
/// backslash (CommonMark's escapes), so every rendition — the filed Markdown, the HTML email, the Word file — shows the
/// words exactly as written; <see cref="Unescape"/> gives them back for plain text.
/// </summary>
public static partial class MarkdownText
{
    /// <summary>Characters escaped wherever they stand: emphasis, code, links and images, HTML, headings, tables, strikethrough.</summary>
    private const string Anywhere = "\\`*_[]<>!#|~";

    /// <summary>Characters that start a list, a quote or a heading underline only at the start of a line.</summary>
    private const string AtStart = "-+=";

    /// <summary>The text with its Markdown syntax escaped.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length + 8);
        var leadingDigits = 0;
        while (leadingDigits < text.Length && char.IsAsciiDigit(text[leadingDigits])) leadingDigits++;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            // "1." or "1)" at the start would begin a numbered list.
            var ordinalMark = leadingDigits > 0 && i == leadingDigits && c is '.' or ')';
            if (Anywhere.Contains(c, StringComparison.Ordinal) || (i == 0 && AtStart.Contains(c, StringComparison.Ordinal)) || ordinalMark)
                escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    /// <summary>Markdown's backslash escapes taken out again: the words as written, for a plain-text rendition.</summary>
    public static string Unescape(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        return Escaped().Replace(markdown, "$1");
    }

    /// <summary>A copy of a JSON model with every text in it escaped (numbers, booleans and keys as they are).</summary>
    public static JsonNode? EscapeAll(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, EscapeAll(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(EscapeAll)]),
        JsonValue v when v.TryGetValue<string>(out var s) => JsonValue.Create(Escape(s)),
        _ => node.DeepClone(),
    };

    [GeneratedRegex(@"\\([!-/:-@\[-`{-~])")]
    private static partial Regex Escaped();
}
