using System.Text.Json.Nodes;
using Deliberation.Engine.Activities;
using Deliberation.Engine.Definitions;

namespace Deliberation.Engine.Expressions;

/// <summary>Evaluates input expressions: literals and variables here, Scriban through <see cref="IScriptEvaluator"/>.</summary>
public sealed class ExpressionEvaluator(IScriptEvaluator scripts)
{
    /// <summary>The script mode for a value type: text-like values render a template, others evaluate an expression.</summary>
    public static ScriptMode ModeFor(InputType type) =>
        type is InputType.Text or InputType.Duration or InputType.DateTime ? ScriptMode.Template : ScriptMode.Expression;

    /// <summary>The script evaluator, for syntax checks.</summary>
    public IScriptEvaluator Scripts => scripts;

    /// <summary>Evaluates an expression for an input of the given type.</summary>
    /// <exception cref="ScriptEvaluationException">The script failed, or the expression type is unknown.</exception>
    public JsonNode? Evaluate(Expression expression, InputType type, Func<ScriptModel> model)
    {
        switch (expression.Type)
        {
            case Expression.Literal:
                return JsonValues.Copy(expression.Value);
            case Expression.Variable:
                var name = expression.Text ?? "";
                var m = model();
                if (m.Variables.TryGetValue(name, out var v)) return JsonValues.Copy(v);
                if (m.Input.TryGetValue(name, out var i)) return JsonValues.Copy(i);
                return null;
            case Expression.Scriban:
                return scripts.Evaluate(expression.Text ?? "", ModeFor(type), model());
            default:
                throw new ScriptEvaluationException($"Unknown expression type '{expression.Type}'.");
        }
    }
}
