namespace Deliberation.Engine.Validation;

/// <summary>One problem in a definition.</summary>
/// <param name="Path">Where it is, e.g. <c>activities[ask].inputs.timeout</c> or <c>connections[3].target</c>.</param>
/// <param name="Code">A stable code, e.g. <c>unknown-activity-type</c>.</param>
/// <param name="Message">What is wrong, in English.</param>
/// <param name="ActivityId">The activity concerned, for the designer to highlight it.</param>
/// <param name="Input">The input concerned, for the designer to mark the field.</param>
public sealed record DefinitionProblem(string Path, string Code, string Message, string? ActivityId = null, string? Input = null);
