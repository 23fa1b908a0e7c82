namespace Deliberation.Civic.Minutes;

/// <summary>Minutes as filed by <see cref="MinutesArchive"/>.</summary>
/// <param name="Folder">The case's folder in the archive: <c>{communityCode}/{year}/{caseNumber}</c>.</param>
/// <param name="Culture">The language of the minutes, <c>zh-CN</c> or <c>en</c>.</param>
/// <param name="Markdown">The Markdown text, <c>minutes.{culture}.md</c>, UTF-8 without BOM.</param>
/// <param name="Docx">The Word document, <c>minutes.{culture}.docx</c>.</param>
/// <param name="DocxContent">The Word document's bytes, as filed (to attach to the emails).</param>
public sealed record ArchivedMinutes(string Folder, string Culture, ArchivedMinutesFile Markdown, ArchivedMinutesFile Docx, byte[] DocxContent);
