namespace Deliberation.Engine.Expressions;

/// <summary>A problem found in a script, with its 1-based position.</summary>
public sealed record ScriptDiagnostic(string Message, int Line, int Column);
