using Deliberation.Civic.Data;
using Deliberation.Integrations.Files;

namespace Deliberation.Host.Tests.Integrations;

/// <summary>The domain's file port on a folder: whole files under safe relative paths, nothing outside the root.</summary>
public sealed class FolderFileStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "file-store-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task WriteAsync_SeveralFiles_AllReadableAndNoTemporaryFileLeft()
    {
        var store = new FolderFileStore(_root);

        await store.WriteAsync([new StoredFile("c1/a.md", [1, 2]), new StoredFile("c1/sub/b.docx", [3])], CancellationToken.None);
        await store.WriteAsync([new StoredFile("c1/a.md", [9])], CancellationToken.None);

        Assert.Equal([9], await store.ReadAsync("c1/a.md", CancellationToken.None));
        Assert.Equal([3], await store.ReadAsync("c1/sub/b.docx", CancellationToken.None));
        Assert.Null(await store.ReadAsync("c1/none.md", CancellationToken.None));
        Assert.Equal(["a.md", "b.docx"], Directory.GetFiles(_root, "*", SearchOption.AllDirectories).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        store.Delete("c1/a.md");
        Assert.False(store.Exists("c1/a.md"));
    }

    [Theory]
    [InlineData("../outside.md")]
    [InlineData("a/../../outside.md")]
    [InlineData("/etc/passwd")]
    [InlineData("a//b")]
    [InlineData(".hidden")]
    [InlineData("a\\b")]
    [InlineData("")]
    public async Task UnsafePath_IsRefusedAndNothingIsWritten(string path)
    {
        var store = new FolderFileStore(_root);

        await Assert.ThrowsAsync<ArgumentException>(() => store.WriteAsync([new StoredFile(path, [1])], CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => store.ReadAsync(path, CancellationToken.None));
        Assert.False(Directory.Exists(_root));
    }
}
