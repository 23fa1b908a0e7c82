using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Deliberation.Engine.Activities;
using Deliberation.Engine.Definitions;
using Deliberation.Engine.Expressions;
using Deliberation.Engine.Storage;

namespace Deliberation.Engine.Runtime;

/// <summary>
/// Executes one step of one instance in memory: takes scheduled activities off a queue, runs them,
/// follows the connections of each outcome, and records every change in a <see cref="StepCommit"/>.
/// It writes nothing itself; the caller commits the step in one transaction.
/// </summary>
internal sealed class WorkflowRunner(ExpressionEvaluator expressions, int maxActivitiesPerStep, WorkflowRuntime? children = null)
{
    private ExpressionEvaluator Expressions => expressions;

    /// <summary>Starts and reads the children of <c>RunWorkflow</c>; null where nothing may start children.</summary>
    private WorkflowRuntime? Children => children;

    /// <summary>The most activities one step runs before what is left of it becomes incidents.</summary>
    private int MaxActivitiesPerStep => maxActivitiesPerStep;

    private const string ForkFrame = "fork", ForEachFrame = "forEach";

    private sealed record Token(
        string ActivityId,
        List<ScopeEntry> Scope,
        string? ExecutionId = null,
        JsonObject? State = null,
        ResumeContext? Resume = null,
        Guid? IncidentId = null,
        int Attempts = 0);

    /// <summary>
    /// Runs a stimulus against the instance, appending every change to <paramref name="commit"/>; activities do their
    /// domain work in <paramref name="scope"/>.
    /// </summary>
    /// <exception cref="WorkflowException">The stimulus does not fit the instance's state.</exception>
    public async Task RunAsync(WorkflowInstance instance, CompiledWorkflow workflow, Stimulus stimulus, StepCommit commit, IStepScope scope, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var step = new Step(this, instance, workflow, commit, scope, now, cancellationToken);
        await step.RunAsync(stimulus);
    }

    private static readonly ConcurrentDictionary<Type, bool> CancelHooks = new();

    /// <summary>Whether the activity type overrides <see cref="Activity.CancelAsync"/> (the others are not told, and cost the step nothing).</summary>
    private static bool HasCancelHook(Activity activity) =>
        CancelHooks.GetOrAdd(activity.GetType(), t => t.GetMethod(nameof(Activity.CancelAsync))!.DeclaringType != typeof(Activity));

    private sealed class Step(WorkflowRunner runner, WorkflowInstance instance, CompiledWorkflow workflow, StepCommit commit, IStepScope scope, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        private readonly InstanceState _state = instance.State;
        private readonly Queue<Token> _queue = new();

        /// <summary>The waits this step cancelled, whose activities are told when the step's own work is done.</summary>
        private readonly List<Execution> _cancelled = [];

        public async Task RunAsync(Stimulus stimulus)
        {
            await RunStimulusAsync(stimulus);
            await TellCancelledAsync();
        }

        private async Task RunStimulusAsync(Stimulus stimulus)
        {
            if (instance.Status is InstanceStatus.Finished or InstanceStatus.Cancelled)
                throw new WorkflowException(WorkflowErrorKind.Conflict, "instance-ended",
                    $"Instance {instance.Id} has already {(instance.Status == InstanceStatus.Finished ? "finished" : "been cancelled")}; nothing waits any more.");
            switch (stimulus)
            {
                case Stimulus.Start:
                    Journal(JournalKinds.InstanceStarted, detail: $"v{instance.DefinitionVersion}");
                    _queue.Enqueue(new Token(workflow.StartActivityId, []));
                    break;
                case Stimulus.Resume resume:
                    AcceptResume(resume);
                    break;
                case Stimulus.Retry retry:
                    AcceptRetry(retry);
                    break;
                case Stimulus.Cancel:
                    Journal(JournalKinds.StimulusReceived, detail: "cancel");
                    CancelEverything("cancelled");
                    instance.Status = InstanceStatus.Cancelled;
                    instance.EndedAt = now;
                    Journal(JournalKinds.InstanceCancelled);
                    return;
            }

            var executed = 0;
            do
            {
                while (_queue.TryDequeue(out var token))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (++executed > runner.MaxActivitiesPerStep)
                    {
                        // A loop without a wait would run for ever inside one request: what is left of the step stops here,
                        // each branch an incident, and a retry (after the definition is mended) goes on from it.
                        StopOverBudget(token);
                        while (_queue.TryDequeue(out var rest)) StopOverBudget(rest);
                        break;
                    }
                    await ExecuteAsync(token);
                    if (instance.Status == InstanceStatus.Finished) return;
                }
            }
            while (executed <= runner.MaxActivitiesPerStep && Settle());

            if (_state.Faulted.Count > 0) instance.Status = InstanceStatus.Faulted;
            else if (_state.Waiting.Count > 0) instance.Status = InstanceStatus.Suspended;
            else Finish();
        }

        /// <summary>Each variable's size in characters of JSON, counted once per step and kept up to date as values are set.</summary>
        private Dictionary<string, int>? _variableSizes;

        /// <summary>
        /// Refuses a value that would make a variable, or all of them together, larger than the bounds: an instance's state is
        /// read and written whole at every step, so a script must not grow it without end.
        /// </summary>
        private void CheckVariableSize(string activityId, string name, JsonNode? value)
        {
            var size = value?.ToJsonString().Length ?? 4;
            if (size > WorkflowRuntime.MaxVariableChars)
                throw ActivityFaults.ValueTooLarge.Fault(("activity", activityId), ("variable", name), ("size", size), ("max", WorkflowRuntime.MaxVariableChars));
            _variableSizes ??= _state.Variables.ToDictionary(v => v.Key, v => v.Value?.ToJsonString().Length ?? 4, StringComparer.Ordinal);
            var total = _variableSizes.Where(v => v.Key != name).Sum(v => (long)v.Value) + size;
            if (total > WorkflowRuntime.MaxVariablesChars)
                throw ActivityFaults.VariablesTooLarge.Fault(("activity", activityId), ("variable", name), ("max", WorkflowRuntime.MaxVariablesChars));
            _variableSizes[name] = size;
        }

        private void StopOverBudget(Token token) =>
            RaiseIncident(token, token.ActivityId, token.ExecutionId ?? NewId("e"), token.State ?? [],
                ActivityFaults.StepBudget.Fault(("max", runner.MaxActivitiesPerStep), ("activity", token.ActivityId)));

        private void AcceptResume(Stimulus.Resume resume)
        {
            var execution = _state.Waiting.FirstOrDefault(e => e.Bookmarks.Any(b => b.Id == resume.BookmarkId))
                ?? throw new WorkflowException(WorkflowErrorKind.Conflict, "bookmark-not-waiting",
                    $"Bookmark {resume.BookmarkId} is not waiting in instance {instance.Id}.");
            var bookmark = execution.Bookmarks.First(b => b.Id == resume.BookmarkId);
            _state.Waiting.Remove(execution);
            RemoveBookmarks(execution);
            Journal(JournalKinds.StimulusReceived, execution.ActivityId, execution.Id, bookmark.Id, detail: $"{resume.Source}:{bookmark.Tag}");
            _queue.Enqueue(new Token(execution.ActivityId, execution.Scope, execution.Id, execution.State,
                new ResumeContext(bookmark.Id, bookmark.Tag, resume.Payload)));
        }

        private void AcceptRetry(Stimulus.Retry retry)
        {
            var execution = _state.Faulted.FirstOrDefault(e => e.IncidentId == retry.IncidentId)
                ?? throw new WorkflowException(WorkflowErrorKind.Conflict, "incident-not-open",
                    $"Incident {retry.IncidentId} is not open in instance {instance.Id}.");
            _state.Faulted.Remove(execution);
            Journal(JournalKinds.IncidentRetried, execution.ActivityId, execution.Id, detail: retry.IncidentId.ToString());
            var resume = execution.FailedResume is { } r ? new ResumeContext(r.BookmarkId, r.Tag, r.Payload) : null;
            _queue.Enqueue(new Token(execution.ActivityId, execution.Scope, execution.Id, execution.State, resume,
                execution.IncidentId, execution.Attempts));
        }

        private async Task ExecuteAsync(Token token)
        {
            if (!workflow.TryGetNode(token.ActivityId, out var node, out var activity))
                throw new InvalidOperationException($"Activity '{token.ActivityId}' is not in {workflow.Definition.Id} v{workflow.Version}.");
            var executionId = token.ExecutionId ?? NewId("e");
            var state = token.State ?? [];
            var pendingVariables = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
            var pendingOutbox = new List<OutboxMessage>();
            var context = CreateContext(node, activity, executionId, state, token.Scope, pendingVariables, pendingOutbox);

            if (token.Resume is null) Journal(JournalKinds.ActivityStarted, node.Id, executionId);
            ActivityResult result;
            await scope.EnterActivityAsync(cancellationToken);
            try
            {
                result = token.Resume is { } resume
                    ? await activity.ResumeAsync(context, resume)
                    : await activity.ExecuteAsync(context);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // What the activity did in the step's transaction goes with it; the incident and the rest of the step stay.
                await scope.UndoActivityAsync(cancellationToken);
                RaiseIncident(token, node.Id, executionId, state, ex);
                return;
            }

            foreach (var (name, value) in pendingVariables) _state.Variables[name] = value;
            commit.Outbox.AddRange(pendingOutbox);
            RecordInputs(node.Id, context.EvaluatedInputs, fresh: token.Resume is null);
            if (token.IncidentId is { } incidentId) ResolveIncident(incidentId, token, node.Id, executionId, "retried");

            switch (result)
            {
                case ActivityResult.Completed completed:
                    if (completed.Output is not null) StoreOutput(token.Scope, node.Id, completed.Output);
                    Journal(JournalKinds.ActivityCompleted, node.Id, executionId, outcome: completed.Outcome);
                    Follow(node.Id, completed.Outcome, token.Scope);
                    break;
                case ActivityResult.Suspended suspended:
                    Suspend(token, node.Id, executionId, state, suspended.Bookmarks);
                    break;
                case ActivityResult.Forked forked:
                    Fork(token, node.Id, executionId, forked.Ports);
                    break;
                case ActivityResult.Joined joined:
                    Join(token, node.Id, executionId, joined.WaitForAll);
                    break;
                case ActivityResult.Iterated iterated:
                    Iterate(token, node.Id, executionId, iterated.Items);
                    break;
                case ActivityResult.Ended:
                    Journal(JournalKinds.ActivityCompleted, node.Id, executionId, outcome: "End");
                    CancelEverything("ended");
                    Finish();
                    break;
            }
        }

        private ActivityContext CreateContext(ActivityNode node, Activity activity, string executionId, JsonObject state, List<ScopeEntry> tokenScope,
            Dictionary<string, JsonNode?> pendingVariables, List<OutboxMessage> pendingOutbox) => new(
                instance.Id, executionId, node, activity.Descriptor, state, now, runner.Expressions,
                () => BuildModel(tokenScope, pendingVariables),
                new MergedVariables(_state.Variables, pendingVariables),
                (name, value) => { CheckVariableSize(node.Id, name, value); pendingVariables[name] = value; },
                pendingOutbox.Add,
                instance.ScopeId,
                instance.CorrelationId,
                scope,
                cancellationToken,
                runner.Children is { } children
                    ? (definitionId, version, input) =>
                        children.StartChildAsync(instance, node.Id, executionId, definitionId, version, input, commit, scope, now, cancellationToken)
                    : null,
                runner.Children is { } reader ? childId => reader.FindChildAsync(instance.Id, childId, cancellationToken) : null,
                runner.Children is null ? null : childId => commit.Signals.Add(new QueuedSignal(Guid.CreateVersion7(now), childId,
                    ActivityContext.ParentCancelledSignal, instance.Id.ToString(), null, $"{ActivityContext.ParentCancelledSignal}:{childId}", now)));

        /// <summary>
        /// Tells each activity whose wait this step cancelled — a Join that went on without its branch, an End, the instance
        /// cancelled — in the step's unit of work, so that it closes what it opened outside the instance (a question's open
        /// tasks). Emails it queues go out with the step; variables it sets are dropped (its execution is gone). A hook that
        /// fails takes back only its own domain work and is journalled: the cancellation stands.
        /// </summary>
        private async Task TellCancelledAsync()
        {
            foreach (var execution in _cancelled)
            {
                if (!workflow.TryGetNode(execution.ActivityId, out var node, out var activity) || !HasCancelHook(activity)) continue;
                var pendingOutbox = new List<OutboxMessage>();
                var context = CreateContext(node, activity, execution.Id, execution.State ?? [], execution.Scope,
                    new Dictionary<string, JsonNode?>(StringComparer.Ordinal), pendingOutbox);
                await scope.EnterActivityAsync(cancellationToken);
                try
                {
                    await activity.CancelAsync(context);
                    commit.Outbox.AddRange(pendingOutbox);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    await scope.UndoActivityAsync(cancellationToken);
                    var message = ex.Message.Length <= 300 ? ex.Message : ex.Message[..300];
                    Journal(JournalKinds.ActivityCancelled, node.Id, execution.Id, detail: $"cancel-hook-failed: {message}");
                }
            }
            _cancelled.Clear();
        }

        private void Follow(string activityId, string port, List<ScopeEntry> scope)
        {
            foreach (var target in workflow.Targets(activityId, port)) _queue.Enqueue(new Token(target, scope));
        }

        private void Suspend(Token token, string activityId, string executionId, JsonObject state, IReadOnlyList<BookmarkRequest> requests)
        {
            if (requests.Count == 0) throw new InvalidOperationException($"Activity '{activityId}' suspended without a bookmark.");
            var execution = new Execution { Id = executionId, ActivityId = activityId, Scope = token.Scope, State = state };
            foreach (var request in requests)
            {
                var bookmark = new WaitingBookmark(Guid.CreateVersion7(now), request.Tag, request.SignalName, request.DueAt,
                    string.IsNullOrEmpty(request.Correlation) ? null : request.Correlation);
                execution.Bookmarks.Add(bookmark);
                commit.AddedBookmarks.Add(new BookmarkRecord(bookmark.Id, instance.Id, activityId, executionId, request.SignalName, request.DueAt, now));
            }
            _state.Waiting.Add(execution);
            Journal(JournalKinds.ActivitySuspended, activityId, executionId, execution.Bookmarks[0].Id,
                detail: string.Join(",", execution.Bookmarks.Select(b => b.Tag)));
        }

        private void Fork(Token token, string activityId, string executionId, IReadOnlyList<string> ports)
        {
            Journal(JournalKinds.ActivityCompleted, activityId, executionId, outcome: string.Join(",", ports));
            var frame = new Frame { Id = NewId("f"), Kind = ForkFrame, OwnerExecutionId = executionId, Branches = ports.Count, OuterScope = token.Scope };
            _state.Frames[frame.Id] = frame;
            foreach (var port in ports) Follow(activityId, port, [.. token.Scope, new ScopeEntry(frame.Id, port)]);
        }

        private void Join(Token token, string activityId, string executionId, bool waitForAll)
        {
            var entry = token.Scope.LastOrDefault(s => _state.Frames.TryGetValue(s.Frame, out var f) && f.Kind == ForkFrame);
            if (entry is null)
            {
                // Not inside a fork (or its fork already closed): a join with nothing to wait for passes through.
                Journal(JournalKinds.ActivityCompleted, activityId, executionId, outcome: "Done");
                Follow(activityId, "Done", token.Scope);
                return;
            }
            var frame = _state.Frames[entry.Frame];
            if (!frame.Arrived.Contains(entry.Branch)) frame.Arrived.Add(entry.Branch);
            frame.JoinActivityId = activityId;
            if (!waitForAll)
            {
                CloseFrame(frame.Id, "join-any");
                CompleteJoin(frame, executionId);
            }
            // A branch may split (an outcome with two connections): every branch has arrived only when
            // none of the fork's tokens is still on its way, or a late one would pass the join a second time.
            else if (frame.Arrived.Count >= frame.Branches && !IsLive(frame.Id))
            {
                _state.Frames.Remove(frame.Id);
                CompleteJoin(frame, executionId);
            }
            else
            {
                Journal(JournalKinds.JoinWaiting, activityId, executionId, detail: $"{frame.Arrived.Count}/{frame.Branches}");
            }
        }

        private void CompleteJoin(Frame frame, string? executionId)
        {
            var joinId = frame.JoinActivityId!;
            Journal(JournalKinds.ActivityCompleted, joinId, executionId ?? NewId("e"), outcome: "Done");
            Follow(joinId, "Done", frame.OuterScope);
        }

        private void Iterate(Token token, string activityId, string executionId, IReadOnlyList<JsonNode?> items)
        {
            var targets = workflow.Targets(activityId, "Body");
            if (items.Count == 0 || targets.Count == 0)
            {
                Journal(JournalKinds.ActivityCompleted, activityId, executionId, outcome: "Done", detail: $"items:{items.Count}");
                Follow(activityId, "Done", token.Scope);
                return;
            }
            var owner = new Execution { Id = executionId, ActivityId = activityId, Scope = token.Scope, BranchFrames = [] };
            for (var i = 0; i < items.Count; i++)
            {
                var frame = new Frame
                {
                    Id = NewId("f"), Kind = ForEachFrame, OwnerExecutionId = executionId, Item = items[i], Index = i,
                    OuterScope = token.Scope,
                };
                _state.Frames[frame.Id] = frame;
                owner.BranchFrames.Add(frame.Id);
                foreach (var target in targets)
                    _queue.Enqueue(new Token(target, [.. token.Scope, new ScopeEntry(frame.Id, i.ToString(System.Globalization.CultureInfo.InvariantCulture))]));
            }
            _state.Waiting.Add(owner);
            Journal(JournalKinds.ActivitySuspended, activityId, executionId, detail: $"branches:{items.Count}");
        }

        /// <summary>Closes frames no live token carries any more: completes joins that waited for them and finished ForEach loops.</summary>
        private bool Settle()
        {
            var progressed = false;
            foreach (var frame in _state.Frames.Values.ToList())
            {
                if (!_state.Frames.ContainsKey(frame.Id) || IsLive(frame.Id)) continue;
                _state.Frames.Remove(frame.Id);
                if (frame.Kind == ForkFrame)
                {
                    if (frame.JoinActivityId is not null && frame.Arrived.Count > 0)
                    {
                        CompleteJoin(frame, null);
                        progressed = true;
                    }
                    continue;
                }
                var owner = _state.Waiting.FirstOrDefault(e => e.Id == frame.OwnerExecutionId);
                if (owner?.BranchFrames is null) continue;
                owner.BranchFrames.Remove(frame.Id);
                if (owner.BranchFrames.Count > 0) continue;
                _state.Waiting.Remove(owner);
                Journal(JournalKinds.ActivityCompleted, owner.ActivityId, owner.Id, outcome: "Done");
                Follow(owner.ActivityId, "Done", owner.Scope);
                progressed = true;
            }
            return progressed;
        }

        private bool IsLive(string frameId)
        {
            static bool Carries(List<ScopeEntry> scope, string id)
            {
                foreach (var s in scope) if (s.Frame == id) return true;
                return false;
            }
            foreach (var t in _queue) if (Carries(t.Scope, frameId)) return true;
            foreach (var e in _state.Waiting) if (Carries(e.Scope, frameId)) return true;
            foreach (var e in _state.Faulted) if (Carries(e.Scope, frameId)) return true;
            return false;
        }

        /// <summary>Cancels every token, wait and incident inside a frame, and the frames nested in it.</summary>
        private void CloseFrame(string frameId, string reason)
        {
            bool Inside(List<ScopeEntry> scope) => scope.Exists(s => s.Frame == frameId);
            foreach (var nested in _state.Frames.Values.Where(f => f.Id == frameId || Inside(f.OuterScope)).ToList())
                _state.Frames.Remove(nested.Id);
            var keep = _queue.Where(t => !Inside(t.Scope)).ToList();
            _queue.Clear();
            foreach (var t in keep) _queue.Enqueue(t);
            foreach (var e in _state.Waiting.Where(e => Inside(e.Scope)).ToList()) CancelWaiting(e, reason);
            foreach (var e in _state.Faulted.Where(e => Inside(e.Scope)).ToList()) CancelFaulted(e, reason);
        }

        private void CancelEverything(string reason)
        {
            _queue.Clear();
            foreach (var e in _state.Waiting.ToList()) CancelWaiting(e, reason);
            foreach (var e in _state.Faulted.ToList()) CancelFaulted(e, reason);
            _state.Frames.Clear();
        }

        private void CancelWaiting(Execution execution, string reason)
        {
            _state.Waiting.Remove(execution);
            _cancelled.Add(execution);
            RemoveBookmarks(execution);
            Journal(JournalKinds.ActivityCancelled, execution.ActivityId, execution.Id, detail: reason);
        }

        private void RemoveBookmarks(Execution execution)
        {
            foreach (var b in execution.Bookmarks)
            {
                commit.RemovedBookmarks.Add(b.Id);
                if (b.DueAt is not null) commit.RemovedTimers.Add(b.Id);
            }
        }

        private void CancelFaulted(Execution execution, string reason)
        {
            _state.Faulted.Remove(execution);
            Journal(JournalKinds.ActivityCancelled, execution.ActivityId, execution.Id, detail: reason);
            if (execution.IncidentId is { } id)
                commit.Incidents.Add(new IncidentRecord(id, instance.Id, execution.ActivityId, execution.Id, "", "", now, execution.Attempts, now, reason));
        }

        private void RaiseIncident(Token token, string activityId, string executionId, JsonObject state, Exception ex)
        {
            var id = token.IncidentId ?? Guid.CreateVersion7(now);
            var attempts = token.Attempts + 1;
            _state.Faulted.Add(new Execution
            {
                Id = executionId, ActivityId = activityId, Scope = token.Scope, State = state, IncidentId = id, Attempts = attempts,
                FailedResume = token.Resume is { } r ? new PendingResume(r.BookmarkId, r.Tag, r.Payload) : null,
            });
            var message = ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message;
            var (code, values) = ex switch
            {
                ActivityFaultException fault => (fault.Error.Code, fault.Error.Values),
                ScriptEvaluationException { Error: { } error } => (error.Code, error.Values),
                WorkflowException refusal => (refusal.Code, null),
                _ => ((string?)null, (IReadOnlyDictionary<string, string>?)null),
            };
            commit.Incidents.Add(new IncidentRecord(id, instance.Id, activityId, executionId, ex.GetType().Name, message, now, attempts, Code: code, Values: values));
            Journal(JournalKinds.ActivityFaulted, activityId, executionId, detail: $"incident:{id} {ex.GetType().Name}");
        }

        private void ResolveIncident(Guid incidentId, Token token, string activityId, string executionId, string resolution) =>
            commit.Incidents.Add(new IncidentRecord(incidentId, instance.Id, activityId, executionId, "", "", now, token.Attempts, now, resolution));

        private void Finish()
        {
            instance.Status = InstanceStatus.Finished;
            instance.EndedAt = now;
            _state.Frames.Clear();
            Journal(JournalKinds.InstanceFinished);
        }

        private void RecordInputs(string activityId, IReadOnlyDictionary<string, JsonNode?> evaluated, bool fresh)
        {
            if (evaluated.Count == 0 && !fresh) return;
            var inputs = fresh || !_state.Inputs.TryGetValue(activityId, out var earlier) ? new JsonObject() : earlier;
            foreach (var (name, value) in evaluated) inputs[name] = value?.DeepClone();
            _state.Inputs[activityId] = inputs;
        }

        private void StoreOutput(List<ScopeEntry> scope, string activityId, JsonNode output)
        {
            _state.Outputs[activityId] = output;
            for (var i = scope.Count - 1; i >= 0; i--)
            {
                if (_state.Frames.TryGetValue(scope[i].Frame, out var frame) && frame.Kind == ForEachFrame)
                {
                    (frame.Outputs ??= new(StringComparer.Ordinal))[activityId] = output.DeepClone();
                    return;
                }
            }
        }

        private ScriptModel BuildModel(List<ScopeEntry> scope, Dictionary<string, JsonNode?> pendingVariables)
        {
            IReadOnlyDictionary<string, JsonNode?> outputs = _state.Outputs;
            JsonNode? item = null;
            int? index = null;
            var branchFrames = scope.Select(s => _state.Frames.GetValueOrDefault(s.Frame)).Where(f => f?.Kind == ForEachFrame).ToList();
            if (branchFrames.Count > 0)
            {
                var merged = new Dictionary<string, JsonNode?>(_state.Outputs, StringComparer.Ordinal);
                foreach (var f in branchFrames)
                    if (f!.Outputs is { } o) foreach (var (k, v) in o) merged[k] = v;
                outputs = merged;
                item = branchFrames[^1]!.Item;
                index = branchFrames[^1]!.Index;
            }
            var info = new Dictionary<string, string?>
            {
                ["id"] = instance.Id.ToString(),
                ["correlationId"] = instance.CorrelationId,
                ["definitionId"] = instance.DefinitionId,
                ["definitionVersion"] = instance.DefinitionVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            return new ScriptModel(_state.Input, new MergedVariables(_state.Variables, pendingVariables), outputs, item, index, info);
        }

        private string NewId(string prefix) => prefix + (++_state.NextId).ToString(System.Globalization.CultureInfo.InvariantCulture);

        private void Journal(string kind, string? activityId = null, string? executionId = null, Guid? bookmarkId = null, string? outcome = null, string? detail = null) =>
            commit.Journal.Add(new JournalEntry(instance.Id, ++_state.JournalSeq, now, kind, activityId, executionId, bookmarkId, outcome, detail));
    }
}
