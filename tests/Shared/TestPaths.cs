using System.Reflection;

namespace Deliberation.Testing;

/// <summary>
/// Where the built host and the repository are (recorded at build time by the test project's
/// AssemblyMetadata), fresh data folders, and where tests leave artifacts.
/// </summary>
public static class TestPaths
{
    private static string Metadata(string key) =>
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == key).Value!;

    public static string RepositoryRoot => Path.GetFullPath(Metadata("RepositoryRoot"));

    public static string HostAssembly => Path.GetFullPath(Metadata("HostAssembly"));

    /// <summary>Screenshots of each main page: <c>tests/{project}/bin/{Configuration}/net10.0/artifacts/screenshots</c>.</summary>
    public static string Screenshots
    {
        get
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    /// <summary>Printed documents rendered as a person sees them (PDF pages as PNG): <c>tests/{project}/bin/{Configuration}/net10.0/artifacts/printed</c>.</summary>
    public static string Printed
    {
        get
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "artifacts", "printed");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    /// <summary>
    /// Writes a report that the test command prints after the run (<c>tests/{project}/bin/{Configuration}/net10.0/artifacts/reports</c>):
    /// figures a passing test should still show, such as how many bad requests it sent.
    /// </summary>
    public static void Report(string name, string text)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "artifacts", "reports");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, name + ".txt"), text.TrimEnd() + "\n");
    }

    /// <summary>A new empty folder under the system's temporary folder.</summary>
    public static string NewTempFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "deliberation-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
