using Deliberation.Engine.Storage;
using Deliberation.Engine.Validation;

namespace Deliberation.Engine.Definitions;

/// <summary>The result of importing one workflow file.</summary>
public sealed record ImportResult(string FileName, ImportOutcome Outcome, DefinitionVersion? Version, IReadOnlyList<DefinitionProblem> Problems);
