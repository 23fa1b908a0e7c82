using System.Security.Cryptography;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using Deliberation.Civic.Minutes;

namespace Deliberation.Civic.Tests.Minutes;

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
        var archive = new MinutesArchive(_root);

        var filed = await archive.FileAsync("DALONG", "DALONG-2026-003", NewYearsNight, "zh-CN", Markdown, CancellationToken.None);

        var folder = Path.Combine(_root, "DALONG", "2027", "DALONG-2026-003");
        Assert.Equal(folder, filed.Folder);
        Assert.Equal(Path.Combine(folder, "minutes.zh-CN.md"), filed.Markdown.Path);
        Assert.Equal(Path.Combine(folder, "minutes.zh-CN.docx"), filed.Docx.Path);
        Assert.Equal(["minutes.zh-CN.docx", "minutes.zh-CN.md"], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(Encoding.UTF8.GetBytes(Markdown), await File.ReadAllBytesAsync(filed.Markdown.Path));
        using var document = WordprocessingDocument.Open(filed.Docx.Path, false);
        Assert.Contains("主持人：陈书记", document.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FileAsync_Hashes_AreLowerCaseSha256OfTheFileBytes()
    {
        var archive = new MinutesArchive(_root);

        var filed = await archive.FileAsync("DALONG", "DALONG-2026-003", NewYearsNight, "en", "# Minutes\n", CancellationToken.None);

        foreach (var file in new[] { filed.Markdown, filed.Docx })
        {
            var bytes = await File.ReadAllBytesAsync(file.Path);
            Assert.Equal(Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant(), file.Sha256);
            Assert.Matches("^[0-9a-f]{64}$", file.Sha256);
            Assert.Equal(bytes.LongLength, file.Length);
        }
        Assert.EndsWith("minutes.en.md", filed.Markdown.Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FileAsync_FiledAgain_ReplacesTheFilesAndLeavesNoTemporaryFiles()
    {
        var archive = new MinutesArchive(_root);
        await archive.FileAsync("DALONG", "DALONG-2026-003", NewYearsNight, "zh-CN", Markdown, CancellationToken.None);

        var filed = await archive.FileAsync("DALONG", "DALONG-2026-003", NewYearsNight, "zh-CN", Markdown + "- 记录人：李社工\n", CancellationToken.None);

        Assert.Equal(2, Directory.GetFiles(filed.Folder).Length);
        Assert.EndsWith("记录人：李社工\n", await File.ReadAllTextAsync(filed.Markdown.Path), StringComparison.Ordinal);
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
        var archive = new MinutesArchive(_root);

        await Assert.ThrowsAsync<ArgumentException>(() =>
            archive.FileAsync(community, caseNumber, NewYearsNight, "zh-CN", Markdown, CancellationToken.None));
        Assert.False(Directory.Exists(_root));
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("../zh-CN")]
    public async Task FileAsync_UnknownCulture_Throws(string culture)
    {
        var archive = new MinutesArchive(_root);

        await Assert.ThrowsAsync<ArgumentException>(() =>
            archive.FileAsync("DALONG", "DALONG-2026-003", NewYearsNight, culture, Markdown, CancellationToken.None));
    }
}
