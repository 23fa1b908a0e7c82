using System.Globalization;
using System.Text.Json.Nodes;
using Deliberation.Engine.Definitions;
using Deliberation.Engine.Expressions;
using Deliberation.Engine.Runtime;
using Deliberation.Engine.Storage;

namespace Deliberation.Engine.Activities;

/// <summary>What an executing activity can see and do: its inputs, variables, time and the outbox.</summary>
public sealed class ActivityContext
{
    private readonly ExpressionEvaluator _expressions;
    private readonly Func<ScriptModel> _model;
    private readonly Action<OutboxMessage> _addOutbox;
    private readonly IReadOnlyDictionary<string, JsonNode?> _variables;
    private readonly Action<string, JsonNode?> _setVariable;
    private readonly Dictionary<string, JsonNode?> _evaluated = new(StringComparer.Ordinal);
    private readonly Func<string, int?, JsonObject?, Task<ChildWorkflow>>? _startChild;
    private readonly Func<Guid, Task<ChildWorkflow?>>? _findChild;
    private readonly Action<Guid>? _cancelChild;

    internal ActivityContext(
        Guid instanceId,
        string executionId,
        ActivityNode node,
        ActivityDescriptor descriptor,
        JsonObject state,
        DateTimeOffset now,
        ExpressionEvaluator expressions,
        Func<ScriptModel> model,
        IReadOnlyDictionary<string, JsonNode?> variables,
        Action<string, JsonNode?> setVariable,
        Action<OutboxMessage> addOutbox,
        Guid? scopeId,
        string? correlationId,
        IStepScope step,
        CancellationToken cancellationToken,
        Func<string, int?, JsonObject?, Task<ChildWorkflow>>? startChild = null,
        Func<Guid, Task<ChildWorkflow?>>? findChild = null,
        Action<Guid>? cancelChild = null)
    {
        _startChild = startChild;
        _findChild = findChild;
        _cancelChild = cancelChild;
        Step = step;
        ScopeId = scopeId;
        CorrelationId = correlationId;
        InstanceId = instanceId;
        ExecutionId = executionId;
        Node = node;
        Descriptor = descriptor;
        State = state;
        Now = now;
        _expressions = expressions;
        _model = model;
        _variables = variables;
        _setVariable = setVariable;
        _addOutbox = addOutbox;
        CancellationToken = cancellationToken;
    }

    /// <summary>The instance.</summary>
    public Guid InstanceId { get; }

    /// <summary>This execution of the activity.</summary>
    public string ExecutionId { get; }

    /// <summary>
    /// The step's unit of work: domain code opens its session on it (e.g. a database context on the step's
    /// transaction), so that what the activity reads and writes commits with the step or not at all.
    /// </summary>
    public IStepScope Step { get; }

    /// <summary>The organisational unit (community) the instance belongs to.</summary>
    public Guid? ScopeId { get; }

    /// <summary>The instance's correlation id (the case number of a deliberation).</summary>
    public string? CorrelationId { get; }

    /// <summary>The activity as placed in the definition.</summary>
    public ActivityNode Node { get; }

    /// <summary>The activity type's descriptor.</summary>
    public ActivityDescriptor Descriptor { get; }

    /// <summary>Per-execution state kept while the activity waits.</summary>
    public JsonObject State { get; }

    /// <summary>The current time, from the injected <see cref="TimeProvider"/>.</summary>
    public DateTimeOffset Now { get; }

    /// <summary>Cancelled when the host shuts down.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The script model for this execution (inputs, variables, outputs, ForEach item).</summary>
    public ScriptModel ScriptModel => _model();

    /// <summary>Evaluates an input; the descriptor's default when absent.</summary>
    /// <exception cref="ScriptEvaluationException">A script failed.</exception>
    public JsonNode? GetInput(string name)
    {
        var descriptor = Descriptor.Inputs.FirstOrDefault(i => i.Name == name)
            ?? throw ActivityFaults.UnknownInput.Fault(("type", Descriptor.Type), ("input", name));
        var value = Node.Inputs.TryGetValue(name, out var expression)
            ? _expressions.Evaluate(expression, descriptor.Type, _model)
            : JsonValues.Copy(descriptor.Default);
        _evaluated[name] = InputRecord.Capped(value);
        return value;
    }

    /// <summary>The inputs this execution evaluated, as the instance viewer shows them (long values cut short).</summary>
    internal IReadOnlyDictionary<string, JsonNode?> EvaluatedInputs => _evaluated;

    /// <summary>An input as text.</summary>
    public string? GetText(string name) => JsonValues.AsText(GetInput(name));

    /// <summary>An input as text that must not be empty.</summary>
    /// <exception cref="ActivityFaultException">The value is empty.</exception>
    public string GetRequiredText(string name)
    {
        var text = GetText(name);
        return string.IsNullOrWhiteSpace(text)
            ? throw ActivityFaults.InputEmpty.Fault(("input", name), ("activity", Node.Id))
            : text;
    }

    /// <summary>An input as a boolean (script truthiness).</summary>
    public bool GetBoolean(string name) => JsonValues.IsTruthy(GetInput(name));

    /// <summary>An input as a duration, or null when absent or empty.</summary>
    /// <exception cref="ActivityFaultException">The value is not a duration.</exception>
    public TimeSpan? GetDuration(string name)
    {
        var text = GetText(name);
        if (string.IsNullOrWhiteSpace(text)) return null;
        return Durations.TryParse(text, out var value)
            ? value
            : throw ActivityFaults.InputNotDuration.Fault(("input", name), ("activity", Node.Id));
    }

    /// <summary>An input as a date and time, or null when absent or empty.</summary>
    /// <exception cref="ActivityFaultException">The value is not an ISO 8601 date and time.</exception>
    public DateTimeOffset? GetDateTime(string name)
    {
        var text = GetText(name);
        if (string.IsNullOrWhiteSpace(text)) return null;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : throw ActivityFaults.InputNotDateTime.Fault(("input", name), ("activity", Node.Id));
    }

    /// <summary>Reads a workflow variable.</summary>
    public JsonNode? GetVariable(string name) => _variables.GetValueOrDefault(name);

    /// <summary>Sets a workflow variable.</summary>
    public void SetVariable(string name, JsonNode? value) => _setVariable(name, value);

    /// <summary>Adds a message to the outbox, committed with this step.</summary>
    public void AddOutbox(string kind, string payload, Guid? id = null) =>
        _addOutbox(new OutboxMessage(id ?? Guid.CreateVersion7(Now), InstanceId, kind, payload, Now));

    /// <summary>
    /// Starts a child instance of a published workflow — the newest version, or <paramref name="version"/> — in this
    /// instance's community and with its correlation id, and runs the child's first step in this step's unit of work: the
    /// child exists only if this step commits. When the child later finishes, is cancelled or faults, the step that does it
    /// queues the signal <see cref="ChildEndedSignal"/> for this instance (correlation: the child's id) in its own
    /// transaction. The answer tells where the child stands after its first step (a child with no wait has finished).
    /// </summary>
    /// <exception cref="ActivityFaultException">
    /// The workflow has no such published version (<c>run-workflow-unknown</c>), belongs to another community
    /// (<c>run-workflow-other-community</c>), refuses the inputs (<c>run-workflow-inputs</c>), or children are nested too deep
    /// (<c>run-workflow-too-deep</c>).
    /// </exception>
    public Task<ChildWorkflow> StartChildWorkflowAsync(string definitionId, int? version, JsonObject? input) =>
        (_startChild ?? throw new InvalidOperationException("This context cannot start child workflows."))(definitionId, version, input);

    /// <summary>A child this instance started, as it stands now (committed state); null when it is not this instance's child.</summary>
    public Task<ChildWorkflow?> GetChildWorkflowAsync(Guid instanceId) =>
        (_findChild ?? throw new InvalidOperationException("This context cannot read child workflows."))(instanceId);

    /// <summary>The signal a child's ending (finished, cancelled or faulted) queues for its parent; the correlation is the child's id.</summary>
    public const string ChildEndedSignal = "child-workflow-ended";

    /// <summary>
    /// Cancels a child this instance started once this step commits: the step queues <see cref="ParentCancelledSignal"/> for
    /// the child (correlation: this instance's id), which the child takes as its cancellation — durably, the way a child's
    /// end reaches its parent. A child that has ended by then drops it.
    /// </summary>
    public void CancelChildWorkflow(Guid instanceId) =>
        (_cancelChild ?? throw new InvalidOperationException("This context cannot cancel child workflows."))(instanceId);

    /// <summary>The signal that cancels a child whose parent no longer waits for it; the correlation is the parent's id, and only the parent's is taken.</summary>
    public const string ParentCancelledSignal = "parent-workflow-cancelled";
}
