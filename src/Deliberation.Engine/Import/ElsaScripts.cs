using System.Text.RegularExpressions;
using Deliberation.Engine.Expressions;

namespace Deliberation.Engine.Import;

/// <summary>
/// Rewrites the small scripts an Elsa 3 flowchart carries (JavaScript or C# conditions, Liquid texts) for Scriban, where
/// they only read variables and inputs and compare them: <c>getVariable("Votes") &gt;= 3</c> becomes <c>vars.Votes &gt;= 3</c>.
/// Anything else (a function call, a statement, a lambda) is not guessed at: the caller reports it.
/// </summary>
internal static partial class ElsaScripts
{
    [GeneratedRegex(@"\bgetVariable\(\s*[""']([^""']+)[""']\s*\)")]
    private static partial Regex GetVariableCall();

    [GeneratedRegex(@"\bgetInput\(\s*[""']([^""']+)[""']\s*\)")]
    private static partial Regex GetInputCall();

    [GeneratedRegex(@"\b(?:variables|Variables)\.([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex VariablesMember();

    [GeneratedRegex(@"\b(?:Workflow\.Input|Input|input)\.([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex InputMember();

    [GeneratedRegex(@"\bget([A-Za-z_][A-Za-z0-9_]*)\(\s*\)")]
    private static partial Regex VariableGetter();

    [GeneratedRegex(@"[A-Za-z_$][A-Za-z0-9_$.]*\s*\(|=>|;|\bnew\b|\bfunction\b|\bvar\b|\blet\b|\bconst\b")]
    private static partial Regex Unsupported();

    /// <summary>A JavaScript, C# or Python expression as a Scriban expression, or null when it does more than read and compare.</summary>
    public static string? Expression(string script, Func<string, string?> variableName, Func<string, string> inputName, IScriptEvaluator scripts)
    {
        var text = script.Trim();
        if (text.StartsWith("return ", StringComparison.Ordinal)) text = text["return ".Length..];
        text = text.TrimEnd().TrimEnd(';').Trim();
        if (text.Length == 0) return null;
        var unknown = false;
        string Variable(Match m)
        {
            if (variableName(m.Groups[1].Value) is { } name) return "vars." + name;
            unknown = true;
            return m.Value;
        }
        text = GetVariableCall().Replace(text, Variable);
        text = VariablesMember().Replace(text, Variable);
        text = VariableGetter().Replace(text, m => variableName(m.Groups[1].Value) is { } name ? "vars." + name : m.Value);
        text = GetInputCall().Replace(text, m => "input." + inputName(m.Groups[1].Value));
        text = InputMember().Replace(text, m => "input." + inputName(m.Groups[1].Value));
        text = text.Replace("===", "==", StringComparison.Ordinal).Replace("!==", "!=", StringComparison.Ordinal);
        if (unknown || Unsupported().IsMatch(text)) return null;
        return scripts.Check(text, ScriptMode.Expression).Count == 0 ? text : null;
    }

    /// <summary>A Liquid template as a Scriban template (the same <c>{{ … }}</c> blocks, our names), or null when Scriban cannot read it.</summary>
    public static string? Template(string liquid, Func<string, string?> variableName, Func<string, string> inputName, IScriptEvaluator scripts)
    {
        var unknown = false;
        var text = VariablesMember().Replace(liquid, m =>
        {
            if (variableName(m.Groups[1].Value) is { } name) return "vars." + name;
            unknown = true;
            return m.Value;
        });
        text = InputMember().Replace(text, m => "input." + inputName(m.Groups[1].Value));
        if (unknown) return null;
        return scripts.Check(text, ScriptMode.Template).Count == 0 ? text : null;
    }
}
