using System.Reflection;

namespace Deliberation.Browser.Tests;

/// <summary>Where the built host and the repository are, and where the tests leave screenshots.</summary>
public static class TestPaths
{
    private static string Metadata(string key) =>
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    public static string HostAssembly => Path.GetFullPath(Metadata("HostAssembly"));

    public static string RepositoryRoot => Path.GetFullPath(Metadata("RepositoryRoot"));

    /// <summary>Screenshots of each main page: <c>tests/Deliberation.Browser.Tests/bin/{Configuration}/net10.0/artifacts/screenshots</c>.</summary>
    public static string Screenshots
    {
        get
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    public static string NewTempFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "deliberation-browser-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
