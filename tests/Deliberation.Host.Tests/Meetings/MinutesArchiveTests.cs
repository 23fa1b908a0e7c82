using System.Security.Cryptography;
using System.Text;
using Deliberation.Civic.Minutes;
using Deliberation.Integrations.Files;
using DocumentFormat.OpenXml.Packaging;

namespace Deliberation.Host.Tests.Meetings;

/// <summary>Filed minutes on a real folder (<see cref="FolderFileStore"/>): names, hashes, whole files, safe names.</summary>
[Trait("Category", "Deliberation")]
public sealed class MinutesArchiveTests : IDisposable
{
    private const string Markdown = "# 会议纪要\n\n## 一、会议基本情况\n\n- 主持人：陈书记\n";

    // 2026-12-31 20:00 UTC is 1 January 2027, 04:00 in Beijing.
    private static readonly DateTimeOffset NewYearsNight = new(2026, 12, 31, 20, 0, 0, TimeSpan.Zero);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "minutes-archive-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task FileAsync_ChineseMinutes_WritesBothFilesUnderCommunityYearAndCase()
    {
        var archive = new MinutesArchive(new FolderFileStore(_root));

        var filed = await archive.FileAsync("DALONG", "DALONG-2026-003", NewYearsNight, "zh-CN", Markdown, CancellationToken.None);

        var folder = Path.Combine(_root, "DALONG", "2027", "DALONG-2026-003");
        Assert.Equal("DALONG/2027/DALONG-2026-003", filed.Folder);
        Assert.Equal("DALONG/2027/DALONG-2026-003/minutes.zh-CN.md", filed.Markdown.Path);
        Assert.Equal("DALONG/2027/DALONG-2026-003/minutes.zh-CN.docx", filed.Docx.Path);
        Assert.Equal(["minutes.zh-CN.docx", "minutes.zh-CN.md"], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(Encoding.UTF8.GetBytes(Markdown), await File.ReadAllBytesAsync(Path.Combine(folder, "minutes.zh-CN.md")));
        Assert.Equal(filed.DocxContent, await File.ReadAllBytesAsync(Path.Combine(folder, "minutes.zh-CN.docx")));
        using var document = WordprocessingDocument.Open(Path.Combine(folder, "minutes.zh-CN.docx"), false);
        Assert.Contains("主持人：陈书记", document.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FileAsync_Hashes_AreLowerCaseSha256OfTheFileBytes()
    {
        var archive = new MinutesArchive(new FolderFileStore(_root));

        var filed = await archive.FileAsync("DALONG", "DALONG-2026-003", NewYearsNight, "en", "# Minutes\n", CancellationToken.None);

        foreach (var file in new[] { filed.Markdown, filed.Docx })
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(_root, file.Path));
            Assert.Equal(Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant(), file.Sha256);
            Assert.Matches("^[0-9a-f]{64}$", file.Sha256);
            Assert.Equal(bytes.LongLength, file.Length);
        }
        Assert.EndsWith("minutes.en.md", filed.Markdown.Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FileAsync_FiledAgain_ReplacesTheFilesAndLeavesNoTemporaryFiles()
    {
        var archive = new MinutesArchive(new FolderFileStore(_root));
        await archive.FileAsync("DALONG", "DALONG-2026-003", NewYearsNight, "zh-CN", Markdown, CancellationToken.None);

        var filed = await archive.FileAsync("DALONG", "DALONG-2026-003", NewYearsNight, "zh-CN", Markdown + "- 记录人：李社工\n", CancellationToken.None);

        Assert.Equal(2, Directory.GetFiles(Path.Combine(_root, filed.Folder)).Length);
        Assert.EndsWith("记录人：李社工\n", await File.ReadAllTextAsync(Path.Combine(_root, filed.Markdown.Path)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DALONG", "../DALONG-2026-003")]
    [InlineData("DALONG", "..")]
    [InlineData("DALONG", "DALONG/2026/003")]
    [InlineData("DALONG", "DALONG\\2026")]
    [InlineData("DALONG", "DALONG-2026-003\n")]
    [InlineData("DALONG", "")]
    [InlineData("DALONG", "-rf")]
    [InlineData("../etc", "DALONG-2026-003")]
    [InlineData("DA LONG", "DALONG-2026-003")]
    public async Task FileAsync_UnsafeName_ThrowsAndWritesNothing(string community, string caseNumber)
    {
        var archive = new MinutesArchive(new FolderFileStore(_root));

        await Assert.ThrowsAsync<ArgumentException>(() =>
            archive.FileAsync(community, caseNumber, NewYearsNight, "zh-CN", Markdown, CancellationToken.None));
        Assert.False(Directory.Exists(_root));
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("../zh-CN")]
    public async Task FileAsync_UnknownCulture_Throws(string culture)
    {
        var archive = new MinutesArchive(new FolderFileStore(_root));

        await Assert.ThrowsAsync<ArgumentException>(() =>
            archive.FileAsync("DALONG", "DALONG-2026-003", NewYearsNight, culture, Markdown, CancellationToken.None));
    }

    [Fact]
    public async Task ReadAsync_ChangedOrMissingOrOutsidePath_IsRefused()
    {
        var archive = new MinutesArchive(new FolderFileStore(_root));
        var filed = await archive.FileAsync("DALONG", "DALONG-2026-003", NewYearsNight, "zh-CN", Markdown, CancellationToken.None);

        Assert.Equal(Encoding.UTF8.GetBytes(Markdown), await archive.ReadAsync(filed.Markdown.Path, filed.Markdown.Sha256, CancellationToken.None));
        await File.AppendAllTextAsync(Path.Combine(_root, filed.Markdown.Path), "篡改");
        Assert.Equal("minutes-altered", (await Assert.ThrowsAsync<Deliberation.Engine.Runtime.WorkflowException>(() =>
            archive.ReadAsync(filed.Markdown.Path, filed.Markdown.Sha256, CancellationToken.None))).Code);
        Assert.Equal("minutes-altered", (await Assert.ThrowsAsync<Deliberation.Engine.Runtime.WorkflowException>(() =>
            archive.ReadAsync("../../etc/passwd", filed.Markdown.Sha256, CancellationToken.None))).Code);
        Assert.Equal("minutes-file-missing", (await Assert.ThrowsAsync<Deliberation.Engine.Runtime.WorkflowException>(() =>
            archive.ReadAsync("DALONG/2027/DALONG-2026-003/minutes-9.zh-CN.md", filed.Markdown.Sha256, CancellationToken.None))).Code);
    }
}
