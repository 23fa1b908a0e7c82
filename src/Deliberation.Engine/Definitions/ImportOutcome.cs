namespace Deliberation.Engine.Definitions;

/// <summary>What importing a workflow file did.</summary>
public enum ImportOutcome
{
    /// <summary>A new published version was created.</summary>
    Imported,
    /// <summary>The file is the same as the last import.</summary>
    Unchanged,
    /// <summary>A newer version was published from the API; the file was not imported.</summary>
    SkippedNewerPublished,
    /// <summary>The file is not a valid definition.</summary>
    Invalid,
}
