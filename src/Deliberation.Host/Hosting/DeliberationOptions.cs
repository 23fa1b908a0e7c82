using System.ComponentModel.DataAnnotations;

namespace Deliberation.Host.Hosting;

/// <summary>Folders. Section <c>Deliberation</c>; relative paths resolve against the folder holding appsettings.json.</summary>
public sealed class DeliberationOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Deliberation";

    /// <summary>The data folder: SQLite database, mail pickup folder, archive, generated keys (default <c>data</c>).</summary>
    [Required]
    public string DataPath { get; set; } = "data";

    /// <summary>Workflow definitions imported at start-up, and templates under <c>templates/</c> (default <c>workflows</c>).</summary>
    [Required]
    public string WorkflowsPath { get; set; } = "workflows";

    /// <summary>Whether to import <see cref="WorkflowsPath"/> at start-up (default true).</summary>
    public bool ImportWorkflowsOnStart { get; set; } = true;
}
