using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Deliberation.Engine.Activities;
using Deliberation.Engine.Activities.BuiltIn;
using Deliberation.Engine.Definitions;
using Deliberation.Engine.Expressions;

namespace Deliberation.Engine.Validation;

/// <summary>
/// Checks a definition before it is saved: activity types, inputs (required, syntax, Scriban),
/// connections and ports. Reports every problem with its place; finding one does not stop the rest.
/// </summary>
public sealed partial class DefinitionValidator(ActivityRegistry registry, IScriptEvaluator scripts)
{
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,99}$")]
    private static partial Regex DefinitionIdPattern();

    /// <summary>A variable's or input's name: a letter or _, then letters, digits or _ (at most 100).</summary>
    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,99}$")]
    internal static partial Regex NamePattern();

    /// <summary>An activity's id: 1–100 letters, digits, '-' or '_'.</summary>
    [GeneratedRegex("^[A-Za-z0-9_-]{1,100}$")]
    internal static partial Regex ActivityIdPattern();

    /// <summary>Parses and validates a JSON document.</summary>
    public IReadOnlyList<DefinitionProblem> Validate(string json, out WorkflowDefinition? definition)
    {
        try
        {
            definition = DefinitionJson.Parse(json);
        }
        catch (JsonException ex)
        {
            definition = null;
            var where = ex.LineNumber is { } line ? $"line {line + 1}, position {ex.BytePositionInLine + 1}" : "document";
            return [new DefinitionProblem(where, "malformed-json", $"The document is not a valid definition: {FirstSentence(ex.Message)}")];
        }
        return Validate(definition);
    }

    /// <summary>Validates a parsed definition.</summary>
    public IReadOnlyList<DefinitionProblem> Validate(WorkflowDefinition definition)
    {
        var problems = new List<DefinitionProblem>();
        void Add(string path, string code, string message, string? activity = null, string? input = null) =>
            problems.Add(new DefinitionProblem(path, code, message, activity, input));

        if (!DefinitionIdPattern().IsMatch(definition.Id ?? ""))
            Add("id", "invalid-id", "The id must be 1–100 lowercase letters, digits and dashes, e.g. fanshi-youjiqing.");

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < definition.Inputs.Count; i++)
        {
            var input = definition.Inputs[i];
            if (!NamePattern().IsMatch(input.Name ?? "")) Add($"inputs[{i}].name", "invalid-name", $"Input name '{input.Name}' must be a letter or _ followed by letters, digits or _.");
            else if (!names.Add(input.Name!)) Add($"inputs[{i}].name", "duplicate-name", $"Input '{input.Name}' is declared twice.");
            if (input.Picker != InputPicker.None && (input.Type is not (InputType.Text or InputType.Json) || input.Options is not null))
                Add($"inputs[{i}].picker", "picker-needs-text", "A picker goes with a text input (one) or a json input (several), without options.");
            if (input.Options is { } options)
            {
                if (input.Type != InputType.Text) Add($"inputs[{i}].options", "options-need-text", "Only a text input can list options.");
                else if (options.Count == 0 || options.Any(o => string.IsNullOrWhiteSpace(o.Value)))
                    Add($"inputs[{i}].options", "invalid-options", "List at least one option, each with a value.");
                else if (options.Select(o => o.Value).Distinct(StringComparer.Ordinal).Count() != options.Count)
                    Add($"inputs[{i}].options", "duplicate-option", "Two options have the same value.");
                else if (input.Default is JsonValue d && d.TryGetValue(out string? text) && options.All(o => o.Value != text))
                    Add($"inputs[{i}].default", "default-not-an-option", $"The default '{text}' is not one of the options.");
            }
        }
        var variableNames = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < definition.Variables.Count; i++)
        {
            var variable = definition.Variables[i];
            if (!NamePattern().IsMatch(variable.Name ?? "")) Add($"variables[{i}].name", "invalid-name", $"Variable name '{variable.Name}' must be a letter or _ followed by letters, digits or _.");
            else if (!variableNames.Add(variable.Name!)) Add($"variables[{i}].name", "duplicate-name", $"Variable '{variable.Name}' is declared twice.");
        }

        if (definition.Schedule is { } schedule) ValidateSchedule(definition, schedule, Add);

        var ports = new Dictionary<string, HashSet<string>?>(StringComparer.Ordinal);
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var starts = 0;
        foreach (var node in definition.Activities)
        {
            var at = $"activities[{node.Id}]";
            if (!ActivityIdPattern().IsMatch(node.Id ?? ""))
            {
                Add(at, "invalid-activity-id", $"Activity id '{node.Id}' must be 1–100 letters, digits, '-' or '_'.", node.Id);
                continue;
            }
            if (ports.ContainsKey(node.Id!))
            {
                Add(at, "duplicate-activity-id", $"Activity id '{node.Id}' is used twice.", node.Id);
                continue;
            }
            var activity = registry.Find(node.Type ?? "", node.Version);
            if (activity is null)
            {
                Add($"{at}.type", "unknown-activity-type", $"Unknown activity type '{node.Type}' version {node.Version}.", node.Id);
                ports[node.Id!] = null;
                continue;
            }
            if (node.Type == "Start") starts++;
            types[node.Id!] = node.Type!;
            ports[node.Id!] = OutcomesOf(node, activity.Descriptor);
            ValidateInputs(node, activity.Descriptor, variableNames, names, Add);
        }
        if (definition.Activities.Count == 0) Add("activities", "no-activities", "The workflow has no activities.");
        else if (starts != 1) Add("activities", "start-count", $"A workflow needs exactly one Start activity; this one has {starts}.");

        var seen = new HashSet<(string, string, string)>();
        for (var i = 0; i < definition.Connections.Count; i++)
        {
            var c = definition.Connections[i];
            var at = $"connections[{i}]";
            if (!ports.TryGetValue(c.Source ?? "", out var outcomes))
                Add($"{at}.source", "missing-activity", $"Connection {i} leaves activity '{c.Source}', which does not exist.", c.Source);
            else if (outcomes is { Count: 0 })
                Add($"{at}.sourcePort", "missing-port", $"Activity '{c.Source}' has no outcomes, so nothing can leave it.", c.Source);
            else if (outcomes is not null && !outcomes.Contains(c.SourcePort ?? ""))
                Add($"{at}.sourcePort", "missing-port", $"Activity '{c.Source}' has no outcome '{c.SourcePort}'; it has {string.Join(", ", outcomes.Order())}.", c.Source);
            if (!ports.ContainsKey(c.Target ?? ""))
                Add($"{at}.target", "missing-activity", $"Connection {i} enters activity '{c.Target}', which does not exist.", c.Target);
            else if (c.TargetPort != Connection.InputPort)
                Add($"{at}.targetPort", "missing-port", $"Activity '{c.Target}' has only the input port '{Connection.InputPort}', not '{c.TargetPort}'.", c.Target);
            else if (types.GetValueOrDefault(c.Target!) == "Start")
                Add($"{at}.target", "into-start", "Nothing may connect into Start.", c.Target);
            if (!seen.Add((c.Source ?? "", c.SourcePort ?? "", c.Target ?? "")))
                Add(at, "duplicate-connection", $"Connection {i} repeats an earlier one.", c.Source);
        }
        return problems;
    }

    private static void ValidateSchedule(WorkflowDefinition definition, WorkflowSchedule schedule, Action<string, string, string, string?, string?> add)
    {
        if (!ScheduleCalendar.IsValidCron(schedule.Cron))
            add("schedule.cron", "invalid-cron", $"'{schedule.Cron}' is not a cron expression: give five fields (minute hour day month weekday), e.g. '0 9 1 * *' for 09:00 on the 1st of every month.", null, null);
        if (!ScheduleCalendar.TryFindZone(schedule.TimeZone, out _))
            add("schedule.timeZone", "invalid-time-zone", $"'{schedule.TimeZone}' is not a known time zone; leave it out for Beijing time ({WorkflowSchedule.DefaultTimeZone}).", null, null);
        if (ScheduleCalendar.TryCreate(schedule)?.ShortestGap() is { } gap && gap < ScheduleCalendar.MinimumGap)
            add("schedule.cron", "schedule-too-frequent", $"'{schedule.Cron}' starts an instance every {gap.TotalMinutes:0} minutes; a schedule may start at most one an hour.", null, null);
        foreach (var (name, _) in schedule.Input ?? [])
            if (definition.Inputs.All(i => i.Name != name))
                add($"schedule.input.{name}", "unknown-input", $"The schedule gives input '{name}', which the workflow does not declare.", null, name);
        foreach (var input in definition.Inputs.Where(i => i.Required && i.Default is null))
            if (schedule.Input?[input.Name] is null)
                add($"schedule.input.{input.Name}", "required", $"Input '{input.Name}' is required and has no default: the schedule must give it.", null, input.Name);
        if (schedule.CommunityIds is { } communities && communities.Distinct().Count() != communities.Count)
            add("schedule.communityIds", "duplicate-community", "A community is listed twice.", null, null);
    }

    /// <summary>
    /// The schedule's rules that depend on whose workflow it is: a community's own workflow starts in its community and
    /// lists none; a shared one must list the communities it starts in, or start in every community.
    /// </summary>
    /// <param name="definition">The parsed definition.</param>
    /// <param name="owner">The owning community, or null for a shared workflow.</param>
    public static IReadOnlyList<DefinitionProblem> ValidateScheduleOwner(WorkflowDefinition definition, Guid? owner)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.Schedule is not { } schedule) return [];
        var listed = schedule.CommunityIds?.Count ?? 0;
        if (owner is not null && (listed > 0 || schedule.AllCommunities))
            return [new DefinitionProblem("schedule.communityIds", "schedule-communities-own",
                "A community's own workflow starts only in its own community; leave the list of communities out.")];
        if (owner is null && listed > 0 && schedule.AllCommunities)
            return [new DefinitionProblem("schedule.communityIds", "schedule-communities-both",
                "A schedule that starts in every community lists none; leave the list out or untick every community.")];
        if (owner is null && listed == 0 && !schedule.AllCommunities)
            return [new DefinitionProblem("schedule.communityIds", "schedule-communities-required",
                "A shared workflow's schedule must list the communities it starts in (one instance each).")];
        return [];
    }

    private static HashSet<string> OutcomesOf(ActivityNode node, ActivityDescriptor descriptor)
    {
        var outcomes = new HashSet<string>(descriptor.Outcomes, StringComparer.Ordinal);
        if (descriptor.DynamicOutcomesInput is { } input && node.Inputs.TryGetValue(input, out var expression))
        {
            var ports = node.Type == "Switch"
                ? SwitchActivity.ReadCases(expression.Value).Select(c => c.Port)
                : ForkActivity.ReadBranches(expression.Value);
            outcomes.UnionWith(ports);
        }
        return outcomes;
    }

    /// <summary>The outcome ports of a node, including those its inputs declare (Switch cases, Fork branches).</summary>
    public IReadOnlySet<string> PortsOf(ActivityNode node) =>
        registry.Find(node.Type, node.Version) is { } a ? OutcomesOf(node, a.Descriptor) : new HashSet<string>();

    private void ValidateInputs(ActivityNode node, ActivityDescriptor descriptor, HashSet<string> variables, HashSet<string> inputs,
        Action<string, string, string, string?, string?> add)
    {
        foreach (var name in node.Inputs.Keys.Where(k => descriptor.Inputs.All(i => i.Name != k)))
            add($"activities[{node.Id}].inputs.{name}", "unknown-input", $"Activity type '{descriptor.Type}' has no input '{name}'.", node.Id, name);

        foreach (var input in descriptor.Inputs)
        {
            var at = $"activities[{node.Id}].inputs.{input.Name}";
            if (!node.Inputs.TryGetValue(input.Name, out var expression) || IsEmpty(expression))
            {
                if (input.Required && input.Default is null)
                    add(at, "required", $"Input '{input.DisplayName.En}' ({input.Name}) of activity '{node.Id}' is required.", node.Id, input.Name);
                continue;
            }
            if (input.Syntaxes is { } allowed && !allowed.Contains(expression.Type))
            {
                add(at, "syntax-not-allowed", $"Input '{input.Name}' accepts only {string.Join(", ", allowed)} values, not '{expression.Type}'.", node.Id, input.Name);
                continue;
            }
            switch (expression.Type)
            {
                case Expression.Literal:
                    ValidateLiteral(node, input, expression.Value, at, add);
                    break;
                case Expression.Variable:
                    var name = expression.Text ?? "";
                    if (!variables.Contains(name) && !inputs.Contains(name))
                        add(at, "unknown-variable", $"'{name}' is neither a variable nor an input of this workflow.", node.Id, input.Name);
                    break;
                case Expression.Scriban:
                    foreach (var d in scripts.Check(expression.Text ?? "", ExpressionEvaluator.ModeFor(input.Type)))
                        add(at, "script-error", $"Scriban error at line {d.Line}, column {d.Column}: {d.Message}", node.Id, input.Name);
                    break;
                default:
                    add(at, "unknown-expression-type", $"Expression type '{expression.Type}' is not literal, variable or scriban.", node.Id, input.Name);
                    break;
            }
            if (input.UiHint == UiHint.VariablePicker && expression.Type == Expression.Literal
                && expression.Text is { Length: > 0 } v && !variables.Contains(v))
                add(at, "unknown-variable", $"Variable '{v}' is not declared in the workflow's variables.", node.Id, input.Name);
        }

        if (node.Type == RunWorkflowActivity.TypeName && node.Inputs.TryGetValue("inputs", out var childInputs) && childInputs.Type == Expression.Literal)
        {
            if (RunWorkflowActivity.ReadInputs(childInputs.Value) is not { } given)
                add($"activities[{node.Id}].inputs.inputs", "run-workflow-inputs-object",
                    "The inputs must be a JSON object naming each input of the child workflow with a Scriban expression, e.g. {\"complaintId\": \"input.complaintId\"}.", node.Id, "inputs");
            else
                foreach (var (name, value) in given)
                    if (value is JsonValue v && v.TryGetValue(out string? script))
                        foreach (var d in scripts.Check(script, ScriptMode.Expression))
                            add($"activities[{node.Id}].inputs.inputs[{name}]", "script-error", $"Scriban error in input '{name}' at line {d.Line}, column {d.Column}: {d.Message}", node.Id, "inputs");
        }

        if (node.Type == "Switch" && node.Inputs.TryGetValue("cases", out var cases))
        {
            foreach (var (port, condition) in SwitchActivity.ReadCases(cases.Value))
                foreach (var d in scripts.Check(condition, ScriptMode.Expression))
                    add($"activities[{node.Id}].inputs.cases[{port}]", "script-error", $"Scriban error in case '{port}' at line {d.Line}, column {d.Column}: {d.Message}", node.Id, "cases");
        }
    }

    private static void ValidateLiteral(ActivityNode node, InputDescriptor input, JsonNode? value, string at,
        Action<string, string, string, string?, string?> add)
    {
        var text = JsonValues.AsText(value);
        switch (input.Type)
        {
            case InputType.Duration when !Durations.TryParse(text, out _):
                add(at, "invalid-duration", $"'{text}' is not a duration: use PT24H, 24h, 30m or 1.00:00:00.", node.Id, input.Name);
                break;
            case InputType.DateTime when !DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out _):
                add(at, "invalid-datetime", $"'{text}' is not an ISO 8601 date and time.", node.Id, input.Name);
                break;
            case InputType.Number when JsonValues.AsNumber(value) is null:
                add(at, "invalid-number", $"'{text}' is not a number.", node.Id, input.Name);
                break;
            case InputType.Boolean when value is not JsonValue { } b || (b.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False)):
                add(at, "invalid-boolean", "The value must be true or false.", node.Id, input.Name);
                break;
        }
        if (input.Options is { } options && text is not null && !options.Contains(text))
            add(at, "invalid-option", $"'{text}' is not one of {string.Join(", ", options)}.", node.Id, input.Name);
        if (input.UiHint == UiHint.PortList && value is not JsonArray { Count: > 0 })
            add(at, "invalid-ports", "The value must be a non-empty array.", node.Id, input.Name);
    }

    private static bool IsEmpty(Expression expression) =>
        expression.Value is null || (expression.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String && string.IsNullOrWhiteSpace(v.GetValue<string>()));

    private static string FirstSentence(string message)
    {
        var i = message.IndexOf(". ", StringComparison.Ordinal);
        return i > 0 ? message[..(i + 1)] : message;
    }
}
