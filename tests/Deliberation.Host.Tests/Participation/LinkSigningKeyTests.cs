using System.Security.Cryptography;
using Deliberation.Civic.Links;
using Deliberation.Integrations.Files;

namespace Deliberation.Host.Tests.Participation;

/// <summary>The link-signing key: parsed from configuration, or kept in a key file of the data folder (<see cref="SecretKeyFile"/>).</summary>
[Trait("Category", "Deliberation")]
public sealed class LinkSigningKeyTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "deliberation-tests", Guid.NewGuid().ToString("N"));

    private string KeyPath => Path.Combine(_folder, "data", "keys", "link-signing.key");

    private byte[] Load() => SecretKeyFile.LoadOrCreate(KeyPath, LinkSigningKey.GeneratedKeyBytes, LinkSigningKey.Parse);

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* best effort */ }
    }

    [Fact]
    public void LoadOrCreate_NoFile_CreatesA32ByteKeyInANewFolder()
    {
        var key = Load();

        Assert.Equal(32, key.Length);
        Assert.True(File.Exists(KeyPath));
        Assert.Equal(key, Convert.FromBase64String(File.ReadAllText(KeyPath)));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(KeyPath)!));
    }

    [Fact]
    public void LoadOrCreate_OnUnix_FileIsReadableByItsOwnerOnly()
    {
        if (OperatingSystem.IsWindows()) return;

        Load();

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyPath));
    }

    [Fact]
    public void LoadOrCreate_SecondStart_ReadsTheSameKey()
    {
        var first = Load();

        var second = Load();

        Assert.Equal(first, second);
    }

    [Fact]
    public void LoadOrCreate_ManyAtOnce_AllGetTheSameKey()
    {
        var keys = new byte[8][];

        Parallel.For(0, keys.Length, i => keys[i] = Load());

        Assert.All(keys, k => Assert.Equal(keys[0], k));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(KeyPath)!));
    }

    [Fact]
    public void LoadOrCreate_DamagedFile_ThrowsAndLeavesItAlone()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(KeyPath)!);
        File.WriteAllText(KeyPath, "not a key");

        var ex = Assert.Throws<FormatException>(() => Load());

        Assert.Contains(KeyPath, ex.Message);
        Assert.Equal("not a key", File.ReadAllText(KeyPath));
    }

    [Fact]
    public void Parse_Base64OrBase64Url_ReturnsTheBytes()
    {
        var bytes = RandomNumberGenerator.GetBytes(48);

        Assert.Equal(bytes, LinkSigningKey.Parse(Convert.ToBase64String(bytes)));
        Assert.Equal(bytes, LinkSigningKey.Parse(Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_')));
    }

    [Theory]
    [InlineData("c2hvcnQ=")]
    [InlineData("***")]
    public void Parse_ShortOrNotBase64_Throws(string text)
    {
        Assert.Throws<FormatException>(() => LinkSigningKey.Parse(text));
    }
}
