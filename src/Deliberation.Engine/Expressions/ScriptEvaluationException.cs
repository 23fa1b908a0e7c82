namespace Deliberation.Engine.Expressions;

/// <summary>A script failed to parse or run.</summary>
public sealed class ScriptEvaluationException(string message, Exception? inner = null) : Exception(message, inner);
