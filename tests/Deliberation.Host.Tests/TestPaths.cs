using System.Reflection;

namespace Deliberation.Host.Tests;

/// <summary>Paths recorded at build time.</summary>
public static class TestPaths
{
    private static string Metadata(string key) =>
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == key).Value!;

    public static string RepositoryRoot => Path.GetFullPath(Metadata("RepositoryRoot"));

    public static string HostAssembly => Path.GetFullPath(Metadata("HostAssembly"));

    public static string NewTempFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "deliberation-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
