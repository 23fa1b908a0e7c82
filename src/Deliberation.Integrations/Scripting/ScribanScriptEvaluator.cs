using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Deliberation.Engine.Activities;
using Deliberation.Engine.Expressions;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;
using ScribanMode = Scriban.Parsing.ScriptMode;
using ScriptMode = Deliberation.Engine.Expressions.ScriptMode;

namespace Deliberation.Integrations.Scripting;

/// <summary>
/// Scriban, sandboxed: scripts see only JSON data converted to Scriban objects (never .NET members),
/// cannot include files, and are bounded in loops, recursion, output size and regex time.
/// </summary>
public sealed class ScribanScriptEvaluator : IScriptEvaluator
{
    /// <summary>Largest output a script may produce, in characters.</summary>
    public const int MaxOutputLength = 1_000_000;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string, ScriptMode), Template> _cache = new();

    /// <inheritdoc/>
    public JsonNode? Evaluate(string script, ScriptMode mode, ScriptModel model)
    {
        var template = Parse(script, mode);
        if (template.HasErrors)
            throw new ScriptEvaluationException(ActivityFaults.ScriptSyntax.With(("detail", string.Join("; ", template.Messages.Select(m => m.ToString())))));
        var context = CreateContext(model);
        try
        {
            // A template's value is its whole rendered text; Evaluate would return only its last block's value.
            return mode == ScriptMode.Template
                ? JsonValue.Create(template.Render(context) ?? "")
                : ToJson(template.Evaluate(context), 0);
        }
        catch (Exception ex) when (ex is ScriptRuntimeException or InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            throw new ScriptEvaluationException(ActivityFaults.Script.With(("detail", ex.Message)), ex);
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<ScriptDiagnostic> Check(string script, ScriptMode mode)
    {
        var template = Template.Parse(script, lexerOptions: Lexer(mode));
        if (template.HasErrors)
            return template.Messages.Select(m => new ScriptDiagnostic(m.Message, m.Span.Start.Line + 1, m.Span.Start.Column + 1)).ToList();
        return mode == ScriptMode.Template && UnclosedBlock(script) is { } unclosed ? [unclosed] : [];
    }

    /// <summary>
    /// Scriban reads a trailing "{{" that is never closed as plain text, so a template cut short would
    /// print its code to residents instead of failing; this finds it.
    /// </summary>
    public static ScriptDiagnostic? UnclosedBlock(string template)
    {
        var open = template.LastIndexOf("{{", StringComparison.Ordinal);
        if (open < 0 || template.IndexOf("}}", open, StringComparison.Ordinal) >= 0) return null;
        var line = 1 + template.AsSpan(0, open).Count('\n');
        var column = open - (template.LastIndexOf('\n', Math.Max(0, open - 1)) + 1) + 1;
        return new ScriptDiagnostic("A '{{' block is never closed with '}}'.", line, column);
    }

    /// <summary>Creates a sandboxed context whose globals are the script model, plus extra named values.</summary>
    public static TemplateContext CreateContext(ScriptModel model, IEnumerable<KeyValuePair<string, JsonNode?>>? extra = null)
    {
        var globals = new ScriptObject
        {
            ["input"] = ToScript(model.Input),
            ["vars"] = ToScript(model.Variables),
            ["output"] = ToScript(model.Outputs),
            ["item"] = ToScript(model.Item, 0),
            ["index"] = model.Index,
            ["instance"] = ToScript(model.Instance.ToDictionary(kv => kv.Key, kv => (JsonNode?)(kv.Value is null ? null : JsonValue.Create(kv.Value)))),
        };
        foreach (var (key, value) in extra ?? []) globals[key] = ToScript(value, 0);
        var context = new TemplateContext
        {
            LoopLimit = 10_000,
            RecursiveLimit = 50,
            LimitToString = MaxOutputLength,
            ObjectRecursionLimit = 20,
            RegexTimeOut = TimeSpan.FromSeconds(1),
            StrictVariables = false,
            EnableRelaxedMemberAccess = true,
            TemplateLoader = null,
            // No .NET object ever reaches a script, and this filter keeps it so should one slip in.
            MemberFilter = _ => false,
        };
        context.PushGlobal(globals);
        context.PushOutput(new BoundedOutput(MaxOutputLength));
        return context;
    }

    private Template Parse(string script, ScriptMode mode)
    {
        if (_cache.Count > 10_000) _cache.Clear();
        return _cache.GetOrAdd((script, mode), key => Template.Parse(key.Item1, lexerOptions: Lexer(key.Item2)));
    }

    private static LexerOptions Lexer(ScriptMode mode) => new() { Mode = mode == ScriptMode.Expression ? ScribanMode.ScriptOnly : ScribanMode.Default };

    private static ScriptObject ToScript(IReadOnlyDictionary<string, JsonNode?> values)
    {
        var o = new ScriptObject();
        foreach (var (key, value) in values) o[key] = ToScript(value, 0);
        return o;
    }

    /// <summary>Converts JSON to Scriban values: objects, arrays, strings, numbers, booleans.</summary>
    public static object? ToScript(JsonNode? node, int depth)
    {
        if (depth > 64) throw new ScriptEvaluationException("The data is nested too deeply.");
        switch (node)
        {
            case null:
                return null;
            case JsonObject o:
                var so = new ScriptObject();
                foreach (var (key, value) in o) so[key] = ToScript(value, depth + 1);
                return so;
            case JsonArray a:
                var sa = new ScriptArray();
                foreach (var value in a) sa.Add(ToScript(value, depth + 1));
                return sa;
            case JsonValue v:
                return v.GetValueKind() switch
                {
                    JsonValueKind.String => v.GetValue<string>(),
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    // Integers stay integers; values built in code (a script's int result) are read through their JSON text.
                    JsonValueKind.Number => v.TryGetValue<long>(out var l)
                        || long.TryParse(v.ToJsonString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out l)
                        ? (object)l
                        : JsonValues.AsNumber(v)!.Value,
                    _ => null,
                };
            default:
                return null;
        }
    }

    private static JsonNode? ToJson(object? value, int depth)
    {
        if (depth > 64) throw new ScriptEvaluationException("The result is nested too deeply.");
        switch (value)
        {
            case null: return null;
            case string s: return JsonValue.Create(s);
            case bool b: return JsonValue.Create(b);
            case int i: return JsonValue.Create(i);
            case long l: return JsonValue.Create(l);
            // JSON has no NaN or infinity (a division by zero): refused here, such a value would fail the whole step when saved.
            case double d when !double.IsFinite(d): throw new ScriptEvaluationException($"The result is not a finite number ({d}); check for a division by zero.");
            case float f when !float.IsFinite(f): throw new ScriptEvaluationException($"The result is not a finite number ({f}); check for a division by zero.");
            case double d: return JsonValue.Create(d);
            case float f: return JsonValue.Create((double)f);
            case decimal m: return JsonValue.Create(m);
            case System.Numerics.BigInteger bi: return JsonValue.Create((double)bi);
            case DateTime dt: return JsonValue.Create(dt.ToString("O", CultureInfo.InvariantCulture));
            case DateTimeOffset dto: return JsonValue.Create(dto.ToString("O", CultureInfo.InvariantCulture));
            case ScriptObject so:
                var o = new JsonObject();
                foreach (var key in so.Keys) o[key] = ToJson(so[key], depth + 1);
                return o;
            case IEnumerable e:
                var a = new JsonArray();
                foreach (var item in e) a.Add(ToJson(item, depth + 1));
                return a;
            default:
                return JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture));
        }
    }
}
