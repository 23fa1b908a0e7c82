namespace Deliberation.Civic.Minutes;

/// <summary>
/// The sections of minutes in the templates' Markdown subset (<c>## </c> headings): what participants object to, and
/// what staff change, one section at a time. The title (<c># </c>) and what stands before the first section are no section.
/// </summary>
public static class MinutesSections
{
    private const string HeadingMark = "## ";

    /// <summary>The sections, in order.</summary>
    public static IReadOnlyList<MinutesSection> Read(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var sections = new List<MinutesSection>();
        var lines = Lines(markdown);
        for (var i = 0; i < lines.Count; i++)
        {
            if (!lines[i].StartsWith(HeadingMark, StringComparison.Ordinal)) continue;
            var end = i + 1;
            while (end < lines.Count && !lines[end].StartsWith(HeadingMark, StringComparison.Ordinal)) end++;
            sections.Add(new MinutesSection(sections.Count + 1, MarkdownText.Unescape(lines[i][HeadingMark.Length..].Trim()), Join(lines, i + 1, end)));
        }
        return sections;
    }

    /// <summary>The minutes with the body of section <paramref name="number"/> replaced by <paramref name="body"/>; the heading stays.</summary>
    /// <exception cref="ArgumentOutOfRangeException">There is no such section.</exception>
    public static string Replace(string markdown, int number, string body)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(body);
        var lines = Lines(markdown);
        var found = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            if (!lines[i].StartsWith(HeadingMark, StringComparison.Ordinal) || ++found != number) continue;
            var end = i + 1;
            while (end < lines.Count && !lines[end].StartsWith(HeadingMark, StringComparison.Ordinal)) end++;
            var replaced = lines.Take(i + 1).ToList();
            replaced.Add("");
            replaced.AddRange(Lines(body));
            if (end < lines.Count) replaced.Add("");
            replaced.AddRange(lines.Skip(end));
            return string.Join('\n', replaced).TrimEnd('\n') + "\n";
        }
        throw new ArgumentOutOfRangeException(nameof(number), number, "The minutes have no such section.");
    }

    /// <summary>
    /// Staff's text for a section as Markdown of the subset: lines kept as written (a <c>- </c> line stays a bullet),
    /// blank lines at the ends dropped, and a line that would start a heading (<c>#</c>) escaped so that a section
    /// never adds sections or a title.
    /// </summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = Lines(text).Select(l => l.TrimEnd()).Select(l => l.StartsWith('#') ? "\\" + l : l).ToList();
        return Join(lines, 0, lines.Count);
    }

    private static List<string> Lines(string text) => [.. text.ReplaceLineEndings("\n").Split('\n')];

    private static string Join(List<string> lines, int from, int to)
    {
        while (from < to && string.IsNullOrWhiteSpace(lines[from])) from++;
        while (to > from && string.IsNullOrWhiteSpace(lines[to - 1])) to--;
        return string.Join('\n', lines.Skip(from).Take(to - from));
    }
}
