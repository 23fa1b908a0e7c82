namespace Deliberation.Host.Hosting;

/// <summary>The absolute folders the host uses.</summary>
public sealed record ResolvedPaths(string Root, string Data, string Workflows)
{
    /// <summary>Templates used by RenderTemplate and emails.</summary>
    public string Templates => Path.Combine(Workflows, "templates");
}
