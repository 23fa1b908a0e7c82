using Deliberation.Engine.Definitions;

namespace Deliberation.Engine.Import;

/// <summary>An Elsa 3 flowchart turned into a definition of ours, with the report of what did not come across as it was.</summary>
/// <param name="Definition">The definition, with a suggested id (<c>elsa-…</c>) the caller may replace by a free one.</param>
/// <param name="SourceName">The workflow's name in the file, if any.</param>
/// <param name="ActivitiesRead">How many activities the file's flowchart has.</param>
/// <param name="ActivitiesImported">How many of them are in the definition (a Start added for the file is not counted).</param>
/// <param name="Notes">Everything left out or changed, in the file's order.</param>
public sealed record ElsaImportResult(WorkflowDefinition Definition, string? SourceName, int ActivitiesRead, int ActivitiesImported, IReadOnlyList<ImportNote> Notes);
