namespace Deliberation.Host.Hosting;

/// <summary>
/// Finds the folder that holds appsettings.json: the publish folder when published, the repository
/// root when run from source (the build output has no copy, so the search walks up to it). Relative
/// paths in the configuration resolve against this folder.
/// </summary>
public static class HostPaths
{
    /// <summary>Environment variable that names the folder explicitly.</summary>
    public const string RootVariable = "DELIBERATION_ROOT";

    /// <summary>The configuration root.</summary>
    public static string FindConfigurationRoot()
    {
        if (Environment.GetEnvironmentVariable(RootVariable) is { Length: > 0 } explicitRoot) return Path.GetFullPath(explicitRoot);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "appsettings.json"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }

    /// <summary>Resolves a configured path against the configuration root.</summary>
    public static string Resolve(string root, string path) => Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(root, path));
}
