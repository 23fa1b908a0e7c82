using System.Text.Json.Nodes;

namespace Deliberation.Engine.Expressions;

/// <summary>Evaluates <c>scriban</c> expressions; implemented by the integrations (Scriban, sandboxed).</summary>
public interface IScriptEvaluator
{
    /// <summary>Evaluates a script against a model.</summary>
    /// <exception cref="ScriptEvaluationException">The script is invalid or failed while running.</exception>
    JsonNode? Evaluate(string script, ScriptMode mode, ScriptModel model);

    /// <summary>Checks a script's syntax without running it; empty when it parses.</summary>
    IReadOnlyList<ScriptDiagnostic> Check(string script, ScriptMode mode);
}
