using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Deliberation.Engine.Activities;
using Deliberation.Engine.Definitions;
using Deliberation.Engine.Expressions;
using Deliberation.Engine.Runtime;
using Deliberation.Engine.Validation;

namespace Deliberation.Engine.Import;

/// <summary>
/// Reads the JSON export of an Elsa 3 workflow definition (its <c>root</c> an <c>Elsa.Flowchart</c> of
/// <c>activities</c> and <c>connections</c>) and builds a definition of ours from the part both engines share: start and
/// end, decisions and switches, fork and join, delays and timers, emails, variables and events. An activity with no
/// counterpart here is left out and named in the report with its id and type, and so is every connection to or from it;
/// nothing is dropped silently. Scripts are rewritten for Scriban where they only read variables and inputs.
/// The file is read as data: nothing in it runs.
/// </summary>
public sealed partial class ElsaFlowchartImporter(IScriptEvaluator scripts)
{
    /// <summary>The largest file read, in characters.</summary>
    public const int MaxLength = 2_000_000;

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotIdCharacters();

    [GeneratedRegex("[^A-Za-z0-9_]+")]
    private static partial Regex NotNameCharacters();

    /// <summary>Imports an export.</summary>
    /// <exception cref="WorkflowException">Not JSON (<c>elsa-malformed-json</c>), or not an Elsa 3 flowchart (<c>elsa-not-flowchart</c>).</exception>
    public ElsaImportResult Import(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > MaxLength)
            throw new WorkflowException(WorkflowErrorKind.Invalid, "elsa-too-large", $"The file has {json.Length} characters; at most {MaxLength} are read.");
        JsonNode? document;
        try
        {
            document = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new WorkflowException(WorkflowErrorKind.Invalid, "elsa-malformed-json",
                $"The file is not JSON (line {(ex.LineNumber ?? 0) + 1}, position {(ex.BytePositionInLine ?? 0) + 1}).");
        }
        if (document is not JsonObject file || file["root"] is not JsonObject root || Text(root["type"]) != "Elsa.Flowchart" || root["activities"] is not JsonArray activities)
            throw new WorkflowException(WorkflowErrorKind.Invalid, "elsa-not-flowchart",
                "The file is not an Elsa 3 workflow definition whose root is an Elsa.Flowchart with activities.");
        return new Run(this, file, root, activities).Build();
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    /// <summary>One import: the file's parts and what has been made of them so far.</summary>
    private sealed class Run(ElsaFlowchartImporter importer, JsonObject file, JsonObject root, JsonArray activities)
    {
        private readonly List<ImportNote> _notes = [];
        private readonly List<ActivityNode> _nodes = [];
        private readonly List<Connection> _connections = [];
        private readonly List<VariableDefinition> _variables = [];
        private readonly Dictionary<string, string> _variableNames = new(StringComparer.Ordinal); // Elsa id or name → our name
        private readonly Dictionary<string, string> _inputNames = new(StringComparer.Ordinal); // Elsa name → our name
        private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal); // Elsa id → our id
        private readonly Dictionary<string, Func<string, string?>> _ports = new(StringComparer.Ordinal); // our id → Elsa port → ours
        private readonly Dictionary<string, string> _skipped = new(StringComparer.Ordinal); // Elsa id → type, for activities left out

        private void Note(string code, bool skipped, string? id, string? type, string? detail, string message) =>
            _notes.Add(new ImportNote(code, skipped, id, type, detail, message));

        public ElsaImportResult Build()
        {
            ReadVariables(file["variables"]);
            ReadVariables(root["variables"]);
            var inputs = ReadInputs(file["inputs"]);
            var read = 0;
            foreach (var entry in activities)
            {
                if (entry is not JsonObject activity) continue;
                read++;
                MapActivity(activity);
            }
            var elsaConnections = ReadConnections(root["connections"]);
            foreach (var (source, port, target) in elsaConnections) Connect(source, port, target);
            EnsureStart(elsaConnections);
            var name = Text(file["name"]);
            var description = Text(file["description"]);
            var definition = new WorkflowDefinition
            {
                Id = SuggestId(Text(file["definitionId"]) ?? Text(file["id"]) ?? name),
                DisplayName = string.IsNullOrWhiteSpace(name) ? null : new LocalizedText(name.Trim(), name.Trim()),
                Description = string.IsNullOrWhiteSpace(description) ? null : new LocalizedText(description.Trim(), description.Trim()),
                Inputs = inputs,
                Variables = _variables,
                Activities = _nodes,
                Connections = _connections,
                Metadata = new JsonObject
                {
                    ["importedFrom"] = new JsonObject
                    {
                        ["format"] = "elsa3",
                        ["definitionId"] = Text(file["definitionId"]),
                        ["version"] = file["version"]?.DeepClone(),
                    },
                },
            };
            return new ElsaImportResult(definition, name, read, _nodes.Count(n => n.Metadata?["elsa"] is not null), _notes);
        }

        private static string SuggestId(string? source)
        {
            var slug = NotIdCharacters().Replace((source ?? "").ToLowerInvariant(), "-").Trim('-');
            if (slug.Length > 60) slug = slug[..60].TrimEnd('-');
            return slug.Length == 0 ? "elsa-import" : "elsa-" + slug;
        }

        private void ReadVariables(JsonNode? list)
        {
            if (list is not JsonArray array) return;
            foreach (var entry in array.OfType<JsonObject>())
            {
                var elsaName = Text(entry["name"]);
                if (string.IsNullOrWhiteSpace(elsaName) || _variableNames.ContainsKey(elsaName)) continue;
                var name = OurName(elsaName, _variables.Select(v => v.Name));
                if (!string.Equals(name, elsaName, StringComparison.OrdinalIgnoreCase))
                    Note("variable-renamed", false, null, null, elsaName, $"Variable '{elsaName}' is called '{name}' here (letters, digits and _ only).");
                _variableNames[elsaName] = name;
                if (Text(entry["id"]) is { Length: > 0 } id) _variableNames[id] = name;
                _variables.Add(new VariableDefinition { Name = name, Default = TypedValue(entry["value"], Text(entry["typeName"])) });
            }
        }

        /// <summary>Our name for an Elsa name: camelCase as our workflows write them (Votes → votes), letters, digits and _ only.</summary>
        private static string OurName(string elsaName, IEnumerable<string> taken)
        {
            var name = NotNameCharacters().Replace(elsaName, "_");
            if (name.Length > 0 && char.IsUpper(name[0])) name = char.ToLowerInvariant(name[0]) + name[1..];
            if (!DefinitionValidator.NamePattern().IsMatch(name)) name = "_" + name;
            if (name.Length > 100) name = name[..100];
            var used = taken.ToHashSet(StringComparer.Ordinal);
            var unique = name;
            for (var i = 2; used.Contains(unique); i++) unique = $"{name}_{i}";
            return unique;
        }

        private static JsonNode? TypedValue(JsonNode? value, string? typeName)
        {
            if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.String) return value?.DeepClone();
            var text = v.GetValue<string>();
            var type = (typeName ?? "").Split(',')[0].Split('.')[^1];
            switch (type)
            {
                case "Int16" or "Int32" or "Int64" or "Double" or "Single" or "Decimal" or "Number":
                    return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? JsonValue.Create(d) : null;
                case "Boolean":
                    return bool.TryParse(text, out var b) ? JsonValue.Create(b) : null;
                case "Object" or "ExpandoObject" or "JsonObject" or "JsonNode":
                    if (text.Length == 0) return null;
                    try { return JsonNode.Parse(text); }
                    catch (JsonException) { return JsonValue.Create(text); }
                default:
                    return text.Length == 0 && type != "String" ? null : JsonValue.Create(text);
            }
        }

        private List<WorkflowInputDefinition> ReadInputs(JsonNode? list)
        {
            var inputs = new List<WorkflowInputDefinition>();
            if (list is not JsonArray array) return inputs;
            foreach (var entry in array.OfType<JsonObject>())
            {
                if (Text(entry["name"]) is not { Length: > 0 } elsaName) continue;
                var name = OurName(elsaName, inputs.Select(i => i.Name));
                _inputNames[elsaName] = name;
                if (!string.Equals(name, elsaName, StringComparison.OrdinalIgnoreCase)) Note("input-renamed", false, null, null, elsaName, $"Input '{elsaName}' is called '{name}' here (letters, digits and _ only).");
                var typeName = Text(entry["type"]) ?? Text(entry["typeName"]);
                var label = Text(entry["displayName"]) is { Length: > 0 } shown ? shown : elsaName;
                inputs.Add(new WorkflowInputDefinition
                {
                    Name = name,
                    Type = InputTypeOf(typeName),
                    Default = entry["defaultValue"] is { } d ? TypedValue(d, typeName) : null,
                    DisplayName = new LocalizedText(label, label),
                    Description = Text(entry["description"]) is { Length: > 0 } about ? new LocalizedText(about, about) : null,
                });
            }
            return inputs;
        }

        private static InputType InputTypeOf(string? typeName) => (typeName ?? "").Split(',')[0].Split('.')[^1] switch
        {
            "String" or "" => InputType.Text,
            "Int16" or "Int32" or "Int64" or "Double" or "Single" or "Decimal" or "Number" => InputType.Number,
            "Boolean" => InputType.Boolean,
            "TimeSpan" => InputType.Duration,
            "DateTime" or "DateTimeOffset" => InputType.DateTime,
            _ => InputType.Json,
        };

        private void MapActivity(JsonObject activity)
        {
            var elsaId = Text(activity["id"]) ?? "";
            var type = Text(activity["type"]) ?? "";
            if (elsaId.Length == 0)
            {
                Note("activity-without-id", true, null, type, null, $"An activity of type '{type}' has no id; it is left out.");
                return;
            }
            var mapped = type switch
            {
                "Elsa.Start" => Node(activity, "Start", [], p => p == "Done" ? "Done" : null),
                "Elsa.End" or "Elsa.Finish" => Node(activity, "End", [], _ => null),
                "Elsa.FlowDecision" => Decision(activity),
                "Elsa.If" when HasChildren(activity, "then", "else") => null,
                "Elsa.If" => Decision(activity),
                "Elsa.FlowSwitch" => Switch(activity),
                "Elsa.FlowFork" => Fork(activity),
                "Elsa.FlowJoin" => Node(activity, "Join",
                    [("mode", Expression.FromLiteral(Text(Literal(activity["mode"])) is { } mode && mode.Contains("Any", StringComparison.OrdinalIgnoreCase) ? "any" : "all"))], Done),
                "Elsa.Delay" => Node(activity, "Delay", [("duration", Input(activity, "timeSpan", "duration", InputType.Duration))], Done),
                "Elsa.Timer" => Timer(activity),
                "Elsa.StartAt" => Node(activity, "WaitUntil", [("until", Input(activity, "dateTime", "until", InputType.DateTime))], Done),
                "Elsa.SendEmail" => Email(activity),
                "Elsa.SetVariable" => SetVariable(activity),
                "Elsa.Event" => Node(activity, "WaitForSignal", [("signal", Input(activity, "eventName", "signal", InputType.Text))],
                    p => p is "Done" ? "Received" : null),
                _ => null,
            };
            if (mapped is null && !_skipped.ContainsKey(elsaId))
            {
                var composite = HasChildren(activity, "then", "else", "activities", "branches", "cases", "body", "root");
                Note(composite ? "composite-activity" : "unsupported-activity", true, elsaId, type, Text(activity["name"]),
                    composite
                        ? $"Activity '{elsaId}' ({type}) holds other activities inside it; only a flat flowchart is imported. It is left out."
                        : $"Activity '{elsaId}' ({type}) has no counterpart here; it is left out.");
                _skipped[elsaId] = type;
            }
        }

        private static bool HasChildren(JsonObject activity, params string[] properties) =>
            properties.Any(p => activity[p] is JsonObject { Count: > 0 } child && child["type"] is not null
                || activity[p] is JsonArray array && array.Any(x => x is JsonObject o && (o["type"] is not null || o["activity"] is JsonObject or JsonArray { Count: > 0 })));

        private static string? Done(string port) => port == "Done" ? "Done" : null;

        private ActivityNode? Node(JsonObject activity, string type, IEnumerable<(string Name, Expression? Value)> inputs, Func<string, string?> ports)
        {
            var elsaId = Text(activity["id"])!;
            var id = DefinitionValidator.ActivityIdPattern().IsMatch(elsaId) ? elsaId : NotNameCharacters().Replace(elsaId, "_");
            if (id.Length is 0 or > 100) id = "a" + (_nodes.Count + 1).ToString(CultureInfo.InvariantCulture);
            var unique = id;
            for (var i = 2; _ids.ContainsValue(unique); i++) unique = $"{id}_{i}";
            if (unique != elsaId) Note("activity-id-changed", false, elsaId, Text(activity["type"]), unique, $"Activity '{elsaId}' is '{unique}' here.");
            var metadata = new JsonObject { ["elsa"] = new JsonObject { ["id"] = elsaId, ["type"] = Text(activity["type"]) } };
            if (activity["metadata"]?["designer"]?["position"] is JsonObject position)
                metadata["designer"] = new JsonObject { ["position"] = new JsonObject { ["x"] = position["x"]?.DeepClone(), ["y"] = position["y"]?.DeepClone() } };
            var label = Text(activity["metadata"]?["displayText"]) is { Length: > 0 } shown ? shown : Text(activity["name"]);
            var node = new ActivityNode { Id = unique, Type = type, Label = string.IsNullOrWhiteSpace(label) ? null : label, Metadata = metadata };
            foreach (var (name, value) in inputs)
                if (value is not null) node.Inputs[name] = value;
            _ids[elsaId] = unique;
            _ports[unique] = ports;
            _nodes.Add(node);
            return node;
        }

        private ActivityNode? Decision(JsonObject activity) =>
            Node(activity, "If", [("condition", Input(activity, "condition", "condition", InputType.Boolean) ?? Untranslated(activity, "condition"))],
                p => p switch { "True" or "Then" => "True", "False" or "Else" => "False", _ => null });

        private Expression Untranslated(JsonObject activity, string input)
        {
            // The condition is required: without a script Scriban can read, the draft decides False until staff write one.
            if (!_notes.Any(n => n.ActivityId == Text(activity["id"]) && n.Detail == input))
                Note("condition-missing", false, Text(activity["id"]), Text(activity["type"]), input,
                    $"Activity '{Text(activity["id"])}' has no condition; the draft takes False until one is written.");
            return Expression.FromLiteral(false);
        }

        private ActivityNode? Switch(JsonObject activity)
        {
            var cases = new JsonArray();
            var labels = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in (activity["cases"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var label = Text(entry["label"]) is { Length: > 0 } l ? l : $"Case {cases.Count + 1}";
                if (!labels.Add(label)) continue;
                var condition = Convert(activity, "cases", entry["condition"], InputType.Boolean);
                var script = condition switch
                {
                    { Type: Expression.Scriban } s => s.Text,
                    { Type: Expression.Variable } v => "vars." + v.Text,
                    { Value: JsonValue b } when b.GetValueKind() == JsonValueKind.True => "true",
                    _ => "false",
                };
                cases.Add(new JsonObject { ["port"] = label, ["condition"] = script });
            }
            if (cases.Count == 0)
                Note("switch-without-cases", false, Text(activity["id"]), Text(activity["type"]), null,
                    $"Switch '{Text(activity["id"])}' has no cases; add them in the designer.");
            return Node(activity, "Switch", [("cases", Expression.FromLiteral(cases))], p => labels.Contains(p) || p == "Default" ? p : null);
        }

        private ActivityNode? Fork(JsonObject activity)
        {
            var given = Literal(activity["branches"]);
            var names = given is JsonArray array
                ? array.Select(Text).OfType<string>()
                : (Text(given) ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var branches = names.Distinct(StringComparer.Ordinal).ToList();
            return Node(activity, "Fork", [("branches", Expression.FromLiteral(new JsonArray([.. branches.Select(b => (JsonNode)JsonValue.Create(b))])))],
                p => branches.Contains(p) ? p : null);
        }

        private ActivityNode? Timer(JsonObject activity)
        {
            Note("timer-waits-once", false, Text(activity["id"]), Text(activity["type"]), "interval",
                $"Timer '{Text(activity["id"])}' repeats in Elsa; here it waits its interval once. Connect it back to itself to repeat.");
            return Node(activity, "Delay", [("duration", Input(activity, "interval", "duration", InputType.Duration))], Done);
        }

        private ActivityNode? Email(JsonObject activity)
        {
            foreach (var dropped in new[] { "from", "cc", "bcc", "attachments" })
                if (Literal(activity[dropped]) is { } value && Text(value) is not "" && value is not JsonArray { Count: 0 })
                    Note("email-field-dropped", false, Text(activity["id"]), Text(activity["type"]), dropped,
                        $"Email '{Text(activity["id"])}': '{dropped}' is not imported (the host's sender is used; add recipients to 'to').");
            return Node(activity, "SendEmail",
                [
                    ("to", Input(activity, "to", "to", InputType.Json)),
                    ("subject", Input(activity, "subject", "subject", InputType.Text)),
                    ("body", Input(activity, "body", "body", InputType.Text)),
                ], Done);
        }

        private ActivityNode? SetVariable(JsonObject activity)
        {
            var reference = activity["variable"];
            var key = reference is JsonObject o ? Text(o["id"]) ?? Text(o["name"]) : Text(reference);
            var name = key is null ? null : _variableNames.GetValueOrDefault(key) ?? (reference is JsonObject r && Text(r["name"]) is { } n ? _variableNames.GetValueOrDefault(n) : null);
            if (name is null && reference is JsonObject declared && Text(declared["name"]) is { Length: > 0 } declaredName)
            {
                // A variable the file names only here: declare it.
                ReadVariables(new JsonArray(declared.DeepClone()));
                name = _variableNames.GetValueOrDefault(declaredName);
            }
            if (name is null)
            {
                Note("set-variable-without-variable", true, Text(activity["id"]), Text(activity["type"]), key,
                    $"Activity '{Text(activity["id"])}' sets a variable the file does not declare; it is left out.");
                _skipped[Text(activity["id"])!] = Text(activity["type"]) ?? "";
                return null;
            }
            var type = _variables.FirstOrDefault(v => v.Name == name)?.Default switch
            {
                JsonValue v when v.GetValueKind() == JsonValueKind.Number => InputType.Number,
                JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => InputType.Boolean,
                _ => InputType.Json,
            };
            return Node(activity, "SetVariable", [("variable", Expression.FromLiteral(name)), ("value", Input(activity, "value", "value", type))], Done);
        }

        private Expression? Input(JsonObject activity, string elsaInput, string ourInput, InputType type) =>
            Convert(activity, ourInput, activity[elsaInput], type);

        /// <summary>The expression of an Elsa input (<c>{typeName, expression: {type, value}}</c>, or the expression itself).</summary>
        private static (string Syntax, JsonNode? Value)? Read(JsonNode? input)
        {
            if (input is null) return null;
            if (input is JsonObject o)
            {
                if (o["expression"] is JsonObject e) return ((Text(e["type"]) ?? "Literal").ToLowerInvariant(), e["value"]);
                if (Text(o["type"]) is { } syntax && o.ContainsKey("value")) return (syntax.ToLowerInvariant(), o["value"]);
                return null;
            }
            return ("literal", input);
        }

        private static JsonNode? Literal(JsonNode? input) => Read(input) is ("literal" or "object", var value) ? value : null;

        private Expression? Convert(JsonObject activity, string ourInput, JsonNode? input, InputType type)
        {
            if (Read(input) is not (var syntax, var value) || value is null || (Text(value) is { } blank && string.IsNullOrWhiteSpace(blank))) return null;
            var id = Text(activity["id"]);
            var elsaType = Text(activity["type"]);
            switch (syntax)
            {
                case "literal" or "object" or "json":
                    return LiteralFor(value, type);
                case "variable":
                    var key = value is JsonObject reference ? Text(reference["id"]) ?? Text(reference["name"]) : Text(value);
                    if (key is not null && _variableNames.TryGetValue(key, out var name)) return Expression.FromVariable(name);
                    Note("unknown-variable", false, id, elsaType, ourInput, $"Activity '{id}': input '{ourInput}' reads a variable the file does not declare; it is left empty.");
                    return null;
                case "liquid":
                    var template = Text(value) ?? "";
                    var rewritten = ElsaScripts.Template(template, Lookup, InputName, importer._scripts);
                    if (rewritten is not null && type is not (InputType.Text or InputType.Duration or InputType.DateTime))
                        rewritten = Unwrap(rewritten) is { } inner ? ElsaScripts.Expression(inner, Lookup, InputName, importer._scripts) : null;
                    return Translated(id, elsaType, ourInput, "Liquid", template, rewritten);
                default:
                    var script = Text(value) ?? "";
                    var expression = ElsaScripts.Expression(script, Lookup, InputName, importer._scripts);
                    if (expression is not null && type is InputType.Text or InputType.Duration or InputType.DateTime) expression = "{{ " + expression + " }}";
                    return Translated(id, elsaType, ourInput, syntax switch { "javascript" => "JavaScript", "csharp" => "C#", "python" => "Python", _ => syntax }, script, expression);
            }
        }

        private string? Lookup(string elsaName) => _variableNames.GetValueOrDefault(elsaName);

        private string InputName(string elsaName) => _inputNames.GetValueOrDefault(elsaName) ?? OurName(elsaName, []);

        private static string? Unwrap(string template)
        {
            var t = template.Trim();
            return t.StartsWith("{{", StringComparison.Ordinal) && t.EndsWith("}}", StringComparison.Ordinal) && t.IndexOf("{{", 2, StringComparison.Ordinal) < 0
                ? t[2..^2].Trim()
                : null;
        }

        private Expression? Translated(string? id, string? elsaType, string input, string language, string original, string? scriban)
        {
            if (scriban is null)
            {
                Note("script-not-translated", false, id, elsaType, input,
                    $"Activity '{id}': the {language} script of '{input}' does more than read variables and compare ({original}); it is left out — write it in Scriban in the designer.");
                return null;
            }
            Note("script-translated", false, id, elsaType, input, $"Activity '{id}': the {language} script of '{input}' is now the Scriban '{scriban}'; check it.");
            return Expression.FromScriban(scriban);
        }

        private static Expression LiteralFor(JsonNode value, InputType type)
        {
            var text = Text(value);
            switch (type)
            {
                case InputType.Boolean when text is not null:
                    return Expression.FromLiteral(bool.TryParse(text.Trim(), out var b) ? b : text);
                case InputType.Number when text is not null:
                    return Expression.FromLiteral(double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : text);
                case InputType.Duration when text is not null:
                    return Expression.FromLiteral(Durations.TryParse(text, out var span) ? Durations.Format(span) : text);
                case InputType.Json when text is not null && text.TrimStart() is ['[' or '{', ..]:
                    try { return Expression.FromLiteral(JsonNode.Parse(text)); }
                    catch (JsonException) { return Expression.FromLiteral(text); }
                case InputType.Text when value is JsonArray list:
                    return Expression.FromLiteral(string.Join(", ", list.Select(Text).OfType<string>()));
                default:
                    return Expression.FromLiteral(value.DeepClone());
            }
        }

        private static List<(string Source, string Port, string Target)> ReadConnections(JsonNode? list)
        {
            var connections = new List<(string, string, string)>();
            foreach (var entry in (list as JsonArray ?? []).OfType<JsonObject>())
            {
                // Elsa 3.0 writes {source, sourcePort, target, targetPort}; later versions {source: {activity, port}, target: {activity, port}}.
                var (source, port) = entry["source"] is JsonObject s ? (Text(s["activity"]), Text(s["port"])) : (Text(entry["source"]), Text(entry["sourcePort"]));
                var target = entry["target"] is JsonObject t ? Text(t["activity"]) : Text(entry["target"]);
                if (source is null || target is null) continue;
                connections.Add((source, string.IsNullOrEmpty(port) ? "Done" : port, target));
            }
            return connections;
        }

        private void Connect(string source, string port, string target)
        {
            var detail = $"{source}:{port} → {target}";
            if (_skipped.ContainsKey(source) || _skipped.ContainsKey(target))
            {
                var left = _skipped.ContainsKey(source) ? source : target;
                Note("connection-dropped", true, left, _skipped[left], detail,
                    $"Connection {detail} is left out with activity '{left}' ({_skipped[left]}): reconnect the activities around it in the designer.");
                return;
            }
            if (!_ids.TryGetValue(source, out var from) || !_ids.TryGetValue(target, out var to))
            {
                Note("connection-dropped", true, null, null, detail, $"Connection {detail} names an activity the flowchart does not have; it is left out.");
                return;
            }
            if (_ports[from](port) is not { } ours)
            {
                Note("unknown-port", true, source, _nodes.First(n => n.Id == from).Type, detail,
                    $"Connection {detail} leaves from an outcome '{port}' that activity '{source}' has no counterpart of here; it is left out.");
                return;
            }
            if (_connections.Any(c => c.Source == from && c.SourcePort == ours && c.Target == to)) return;
            _connections.Add(new Connection { Source = from, SourcePort = ours, Target = to });
        }

        /// <summary>
        /// An Elsa flowchart may begin without a Start activity (at its <c>start</c> activity, or the one nothing leads to);
        /// ours always has one, so one is added in front of where the file begins.
        /// </summary>
        private void EnsureStart(List<(string Source, string Port, string Target)> elsaConnections)
        {
            if (_nodes.Any(n => n.Type == "Start")) return;
            var first = Text(root["start"]) is { } named && _ids.ContainsKey(named)
                ? named
                : _ids.Keys.FirstOrDefault(id => elsaConnections.All(c => c.Target != id));
            var id = "start";
            for (var i = 2; _ids.ContainsValue(id); i++) id = $"start{i}";
            _nodes.Insert(0, new ActivityNode { Id = id, Type = "Start" });
            if (first is not null) _connections.Insert(0, new Connection { Source = id, SourcePort = "Done", Target = _ids[first] });
            Note("start-added", false, null, null, first, first is null
                ? "The flowchart has no Start and nothing to begin with; a Start was added."
                : $"The flowchart has no Start; one was added before '{first}', where it begins.");
        }
    }

    private readonly IScriptEvaluator _scripts = scripts;
}
