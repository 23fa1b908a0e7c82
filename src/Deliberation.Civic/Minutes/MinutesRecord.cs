namespace Deliberation.Civic.Minutes;

/// <summary>The filing of one meeting's minutes in one language: where the files are and their SHA-256.</summary>
public sealed class MinutesRecord
{
    /// <summary>Id.</summary>
    public Guid Id { get; set; }

    /// <summary>The community.</summary>
    public Guid CommunityId { get; set; }

    /// <summary>The case.</summary>
    public Guid CaseId { get; set; }

    /// <summary>The meeting.</summary>
    public Guid MeetingId { get; set; }

    /// <summary><c>zh-CN</c> or <c>en</c>.</summary>
    public string Culture { get; set; } = "zh-CN";

    /// <summary>The Markdown file, relative to the archive root.</summary>
    public string MarkdownPath { get; set; } = "";

    /// <summary>SHA-256 (lower-case hex) of the Markdown file's bytes.</summary>
    public string MarkdownSha256 { get; set; } = "";

    /// <summary>The .docx file, relative to the archive root.</summary>
    public string DocxPath { get; set; } = "";

    /// <summary>SHA-256 (lower-case hex) of the .docx file's bytes.</summary>
    public string DocxSha256 { get; set; } = "";

    /// <summary>When it was filed.</summary>
    public DateTimeOffset FiledAt { get; set; }
}
