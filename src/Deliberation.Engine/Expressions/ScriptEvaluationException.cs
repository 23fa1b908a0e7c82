using Deliberation.Engine.Runtime;

namespace Deliberation.Engine.Expressions;

/// <summary>A script or template failed to parse or run; <see cref="Error"/> says how, by code, when it is known.</summary>
public sealed class ScriptEvaluationException : Exception
{
    /// <summary>A failure described by a message only (the library's own).</summary>
    public ScriptEvaluationException(string message, Exception? inner = null) : base(message, inner) { }

    /// <summary>A failure with a code and its values; the message is the English text.</summary>
    public ScriptEvaluationException(FieldError error, Exception? inner = null) : base(error.Format(english: true), inner) => Error = error;

    /// <summary>What failed, by code, or null.</summary>
    public FieldError? Error { get; }
}
