using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Deliberation.Engine.Activities;
using Deliberation.Engine.Definitions;
using Deliberation.Engine.Expressions;
using Deliberation.Engine.Storage;

namespace Deliberation.Engine.Runtime;

/// <summary>
/// Runs instances: starts them, resumes bookmarks on signals and timers, delivers queued signals, retries
/// incidents and cancels. Each call is one step in one unit of work (<see cref="IStepScope"/>): the store's
/// transaction opens and locks the instance before any activity runs, activities do their domain work in it, and the
/// engine's rows are written last, guarded by the instance's revision (a concurrent step makes it try again).
/// </summary>
public sealed class WorkflowRuntime
{
    private const int MaxAttempts = 5;
    private readonly IWorkflowStore _store;
    private readonly DefinitionService _definitions;
    private readonly TimeProvider _time;
    private readonly WorkflowRunner _runner;
    private readonly SemaphoreSlim[] _locks = Enumerable.Range(0, 256).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    /// <summary>
    /// How many activities one step may run by default before it stops: far above any real step (a ForEach over every
    /// household of a large community), far below a loop with no wait that would run for ever inside one request.
    /// </summary>
    public const int DefaultMaxActivitiesPerStep = 20_000;

    /// <summary>The largest value one variable may hold, in characters of JSON (256 K).</summary>
    public const int MaxVariableChars = 256 * 1024;

    /// <summary>The most all of an instance's variables may hold together, in characters of JSON (2 M).</summary>
    public const int MaxVariablesChars = 2 * 1024 * 1024;

    /// <summary>
    /// How deep <c>RunWorkflow</c> children may nest (a child is 1, its child 2…): far above a real process, and a
    /// workflow that runs itself stops here instead of starting children for ever inside one step.
    /// </summary>
    public const int MaxChildDepth = 8;

    /// <summary>Creates the runtime.</summary>
    /// <param name="store">Where instances live.</param>
    /// <param name="definitions">The published definitions.</param>
    /// <param name="expressions">Evaluates inputs.</param>
    /// <param name="time">The clock.</param>
    /// <param name="maxActivitiesPerStep">The step budget: past it, what is left of the step becomes incidents (<c>step-budget</c>).</param>
    public WorkflowRuntime(IWorkflowStore store, DefinitionService definitions, ExpressionEvaluator expressions, TimeProvider time,
        int maxActivitiesPerStep = DefaultMaxActivitiesPerStep)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxActivitiesPerStep, 1);
        _store = store;
        _definitions = definitions;
        _time = time;
        _runner = new WorkflowRunner(expressions, maxActivitiesPerStep, this);
    }

    /// <summary>Raised after a commit that scheduled a timer, with its due time (wakes the timer pump early).</summary>
    public event Action<DateTimeOffset>? TimerScheduled;

    /// <summary>Raised after a commit that wrote outbox messages.</summary>
    public event Action? OutboxWritten;

    /// <summary>Starts an instance of a published definition.</summary>
    /// <exception cref="WorkflowException">Unknown definition, invalid inputs, or a reused idempotency key.</exception>
    public Task<StepReport> StartAsync(StartRequest request, CancellationToken cancellationToken) =>
        StartAsync(request, null, cancellationToken);

    /// <summary>
    /// Starts an instance and commits <paramref name="domainWrite"/> (given the new instance's id) in the
    /// same transaction as its first step: the instance and the domain rows exist together, or neither
    /// does. An exception thrown by the write rolls the start back and reaches the caller.
    /// </summary>
    /// <exception cref="WorkflowException">Unknown definition, invalid inputs, or a reused idempotency key.</exception>
    public async Task<StepReport> StartAsync(StartRequest request, Func<Guid, IStepScope, CancellationToken, Task>? domainWrite,
        CancellationToken cancellationToken)
    {
        var key = request.IdempotencyKey is { } k ? "start:" + k : null;
        var hash = key is null ? "" : Hash($"start|{request.DefinitionId}|{request.Version}|{request.CorrelationId}|{request.ScopeId}|{request.Input?.ToJsonString()}");
        if (key is not null && await ReplayAsync(key, hash, cancellationToken) is { } replay) return replay;

        var workflow = await _definitions.GetRunnableAsync(request.DefinitionId, request.Version, cancellationToken);
        // A community's own workflow runs only in that community; to any other it does not exist.
        if (workflow.OwnerCommunityId is { } owner && owner != request.ScopeId)
            throw new WorkflowException(WorkflowErrorKind.NotFound, "definition-not-published", $"'{request.DefinitionId}' has no published version.");
        var input = BindInputs(workflow.Definition, request.Input);
        var now = _time.GetUtcNow();
        var instance = new WorkflowInstance
        {
            Id = Guid.CreateVersion7(now),
            DefinitionId = workflow.Definition.Id,
            DefinitionVersion = workflow.Version,
            CorrelationId = request.CorrelationId,
            ScopeId = request.ScopeId,
            CreatedAt = now,
            State = new InstanceState { Input = input },
        };
        foreach (var variable in workflow.Definition.Variables) instance.State.Variables[variable.Name] = variable.Default?.DeepClone();

        var commit = new StepCommit { Instance = instance, IsNew = true, ExpectedRevision = 0 };
        bool committed;
        await using (var scope = await _store.BeginStepAsync(null, cancellationToken))
        {
            // The cause's own domain work goes first: the first activities act on its consequence.
            if (domainWrite is not null) await domainWrite(instance.Id, scope, cancellationToken);
            await _runner.RunAsync(instance, workflow, new Stimulus.Start(), commit, scope, now, cancellationToken);
            Finish(commit, now, key, hash);
            committed = await scope.CommitAsync(commit, cancellationToken);
        }
        var report = StepReport.Of(instance);
        if (!committed)
        {
            // Only an idempotency key taken by a concurrent twin request can make a new instance's commit fail.
            return key is not null && await ReplayAsync(key, hash, cancellationToken) is { } twin
                ? twin
                : throw new WorkflowException(WorkflowErrorKind.Conflict, "commit-failed", "The instance could not be saved; try again.");
        }
        Notify(commit);
        await TellOthersAsync(commit, cancellationToken);
        return await DeliverAfterAsync(commit, report, cancellationToken);
    }

    /// <summary>
    /// Whether an instance was started with this idempotency key — the key a scheduler gives each occurrence, so that it
    /// can tell an occurrence already started (by this host or another) without trying to start it.
    /// </summary>
    public async Task<bool> WasStartedAsync(string idempotencyKey, CancellationToken cancellationToken) =>
        await _store.FindIdempotencyAsync("start:" + idempotencyKey, cancellationToken) is not null;

    /// <summary>Sends a named signal to an instance; every bookmark waiting for that name resumes.</summary>
    /// <exception cref="WorkflowException">Unknown instance, nothing waits for the signal, or a reused key.</exception>
    public Task<StepReport> SignalAsync(Guid instanceId, string signal, JsonNode? payload, string? idempotencyKey, CancellationToken cancellationToken) =>
        SignalAsync(instanceId, signal, payload, idempotencyKey, null, cancellationToken);

    /// <summary>
    /// Sends a named signal and runs <paramref name="domainWrite"/> in the unit of work of the step it causes: both
    /// commit, or neither does. It runs before the activities the signal resumes, so what they do in the step sees it.
    /// </summary>
    /// <exception cref="WorkflowException">Unknown instance, nothing waits for the signal, or a reused key.</exception>
    public Task<StepReport> SignalAsync(Guid instanceId, string signal, JsonNode? payload, string? idempotencyKey,
        Func<IStepScope, CancellationToken, Task>? domainWrite, CancellationToken cancellationToken) =>
        StepAsync(instanceId, idempotencyKey is null ? null : $"signal:{idempotencyKey}", $"signal|{instanceId}|{signal}|{payload?.ToJsonString()}", domainWrite, instance =>
        {
            var bookmarks = instance.State.Waiting.SelectMany(e => e.Bookmarks).Where(b => b.SignalName == signal).Select(b => b.Id).ToList();
            if (bookmarks.Count == 0)
                throw new WorkflowException(WorkflowErrorKind.Conflict, "signal-not-awaited",
                    instance.Status is InstanceStatus.Finished or InstanceStatus.Cancelled
                        ? $"Instance {instanceId} has ended; it no longer waits for '{signal}'. Nothing changed."
                        : $"No activity of instance {instanceId} waits for signal '{signal}' now (it may have been answered already). Nothing changed.");
            return Task.FromResult<IReadOnlyList<Stimulus>>(bookmarks.Select(b => (Stimulus)new Stimulus.Resume(b, "signal", payload)).ToList());
        }, cancellationToken);

    /// <summary>Resumes one bookmark.</summary>
    /// <exception cref="WorkflowException">Unknown instance or bookmark (404), a consumed bookmark (409), or a reused key.</exception>
    public Task<StepReport> ResumeBookmarkAsync(Guid instanceId, Guid bookmarkId, JsonNode? payload, string? idempotencyKey, CancellationToken cancellationToken) =>
        StepAsync(instanceId, idempotencyKey is null ? null : $"resume:{idempotencyKey}", $"resume|{instanceId}|{bookmarkId}|{payload?.ToJsonString()}", null, async instance =>
        {
            if (!instance.State.Waiting.Any(e => e.Bookmarks.Any(b => b.Id == bookmarkId)))
            {
                var consumedAt = await _store.FindBookmarkConsumedAtAsync(instanceId, bookmarkId, cancellationToken);
                throw consumedAt is { } at
                    ? new WorkflowException(WorkflowErrorKind.Conflict, "bookmark-consumed",
                        $"Bookmark {bookmarkId} was already consumed at {at.ToString("O", CultureInfo.InvariantCulture)}. Nothing changed.")
                    : new WorkflowException(WorkflowErrorKind.NotFound, "bookmark-not-found",
                        $"Instance {instanceId} has no bookmark {bookmarkId}.");
            }
            return (IReadOnlyList<Stimulus>)[new Stimulus.Resume(bookmarkId, "api", payload)];
        }, cancellationToken);

    /// <summary>Re-runs a faulted activity.</summary>
    /// <exception cref="WorkflowException">Unknown instance or incident not open.</exception>
    public Task<StepReport> RetryIncidentAsync(Guid instanceId, Guid incidentId, CancellationToken cancellationToken) =>
        StepAsync(instanceId, null, "", null, _ => Task.FromResult<IReadOnlyList<Stimulus>>([new Stimulus.Retry(incidentId)]), cancellationToken);

    /// <summary>Cancels an instance and every timer and bookmark it has.</summary>
    /// <exception cref="WorkflowException">Unknown instance or already ended.</exception>
    public Task<StepReport> CancelAsync(Guid instanceId, string? idempotencyKey, CancellationToken cancellationToken) =>
        StepAsync(instanceId, idempotencyKey is null ? null : $"cancel:{idempotencyKey}", $"cancel|{instanceId}", null,
            _ => Task.FromResult<IReadOnlyList<Stimulus>>([new Stimulus.Cancel()]), cancellationToken);

    /// <summary>
    /// Queues a signal in the instance's inbox and delivers it at once if a bookmark waits for it; otherwise it
    /// waits there and is delivered when the instance creates one (see <see cref="DeliverQueuedSignalsAsync"/>).
    /// Domain code that changes rows and signals in one transaction writes the queued signal itself, with its
    /// change, and then calls <see cref="DeliverQueuedSignalsAsync"/>.
    /// </summary>
    /// <returns>Where the instance stands after the delivery attempt.</returns>
    /// <exception cref="WorkflowException">Unknown instance, or it has ended.</exception>
    public async Task<StepReport> QueueSignalAsync(Guid instanceId, string signal, string? correlation, JsonNode? payload, string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        var instance = await _store.GetInstanceAsync(instanceId, cancellationToken)
            ?? throw new WorkflowException(WorkflowErrorKind.NotFound, "instance-not-found", $"There is no instance {instanceId}.");
        if (instance.Status is InstanceStatus.Finished or InstanceStatus.Cancelled)
            throw new WorkflowException(WorkflowErrorKind.Conflict, "instance-ended", $"Instance {instanceId} has ended; it takes no more signals. Nothing changed.");
        var now = _time.GetUtcNow();
        await _store.QueueSignalAsync(new QueuedSignal(Guid.CreateVersion7(now), instanceId, signal, correlation, payload?.DeepClone(), idempotencyKey, now), cancellationToken);
        var (_, last) = await DeliverAllAsync(instanceId, cancellationToken);
        return StepReport.Of(last?.Instance ?? instance);
    }

    /// <summary>
    /// Delivers the instance's queued signals, oldest first, each to every bookmark then waiting for its name (and,
    /// where the bookmark declares a correlation, carrying the same value), in one step; a delivery can create the
    /// bookmark a later signal waits for, which then takes it in the same step. Signals no bookmark takes stay
    /// queued; when the instance has ended they are dropped, each with a journal line.
    /// </summary>
    /// <returns>How many signals were delivered.</returns>
    public async Task<int> DeliverQueuedSignalsAsync(Guid instanceId, CancellationToken cancellationToken) =>
        (await DeliverAllAsync(instanceId, cancellationToken)).Delivered;

    /// <returns>How many signals were delivered, and the last step that committed (null when none did).</returns>
    private async Task<(int Delivered, StepCommit? Last)> DeliverAllAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        var delivered = 0;
        StepCommit? last = null;
        // A delivery that creates a bookmark for a signal queued meanwhile is followed by another round.
        for (var round = 0; round < MaxAttempts; round++)
        {
            var (commit, count) = await DeliverOnceAsync(instanceId, cancellationToken);
            delivered += count;
            last = commit ?? last;
            if (commit is not null) await TellOthersAsync(commit, cancellationToken);
            if (commit is null || !AddsSignalBookmark(commit)) break;
        }
        return (delivered, last);
    }

    private async Task<(StepCommit? Commit, int Delivered)> DeliverOnceAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        var gate = GateOf(instanceId);
        await gate.WaitAsync(cancellationToken);
        try
        {
            (List<Guid> Ids, long Revision)? nothingTaken = null;
            for (var attempt = 0; attempt < MaxAttempts && nothingTaken is null; attempt++)
            {
                await using var scope = await _store.BeginStepAsync(instanceId, cancellationToken);
                // Read after the instance is locked: a signal committed meanwhile is either seen here or delivered by its sender after this step.
                var queued = await _store.GetQueuedSignalsAsync(instanceId, cancellationToken);
                if (queued.Count == 0) return (null, 0);
                var instance = scope.Instance;
                if (instance is null) return (null, 0);
                var now = _time.GetUtcNow();
                var commit = new StepCommit { Instance = instance, ExpectedRevision = instance.Revision };
                var pending = queued.ToList();
                if (!Ended(instance))
                {
                    var workflow = await _definitions.GetRunnableAsync(instance.DefinitionId, instance.DefinitionVersion, cancellationToken);
                    // A parent that no longer waits for this child cancels it (its own parent only: the correlation names it).
                    if (pending.FirstOrDefault(s => s.Name == ActivityContext.ParentCancelledSignal
                            && instance.State.Parent is { } parent && s.Correlation == parent.InstanceId.ToString()) is { } cancel)
                    {
                        await _runner.RunAsync(instance, workflow, new Stimulus.Cancel(), commit, scope, now, cancellationToken);
                        commit.DeliveredSignals.Add(cancel.Id);
                        pending.Remove(cancel);
                    }
                    for (var next = NextDeliverable(instance, pending); next is { } found && !Ended(instance); next = NextDeliverable(instance, pending))
                    {
                        var (signal, bookmarks) = found;
                        foreach (var bookmark in bookmarks)
                        {
                            if (commit.RemovedBookmarks.Contains(bookmark)) continue;
                            await _runner.RunAsync(instance, workflow, new Stimulus.Resume(bookmark, "signal", signal.Payload?.DeepClone()), commit, scope, now,
                                cancellationToken);
                        }
                        commit.DeliveredSignals.Add(signal.Id);
                        pending.Remove(signal);
                    }
                }
                if (Ended(instance))
                {
                    foreach (var signal in pending)
                    {
                        commit.DroppedSignals.Add(signal.Id);
                        commit.Journal.Add(new JournalEntry(instance.Id, ++instance.State.JournalSeq, now, JournalKinds.SignalDropped, Detail: signal.Name));
                    }
                }
                if (commit.DeliveredSignals.Count == 0 && commit.DroppedSignals.Count == 0)
                {
                    nothingTaken = (queued.Select(q => q.Id).ToList(), instance.Revision);
                    break;
                }
                Finish(commit, now, null, "");
                if (await scope.CommitAsync(commit, cancellationToken))
                {
                    Notify(commit);
                    return (commit, commit.DeliveredSignals.Count);
                }
            }
            if (nothingTaken is { } none)
            {
                // Nothing waits for them yet (the step's unit of work is closed by now): the sweep looks again once the instance has changed.
                await _store.MarkSignalsCheckedAsync(instanceId, none.Ids, none.Revision, cancellationToken);
                return (null, 0);
            }
            throw new WorkflowException(WorkflowErrorKind.Conflict, "instance-busy", $"Instance {instanceId} kept changing while its signals were delivered; the sweep tries again.");
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The oldest pending signal some waiting bookmark takes, with every bookmark that takes it.</summary>
    private static (QueuedSignal Signal, List<Guid> Bookmarks)? NextDeliverable(WorkflowInstance instance, List<QueuedSignal> pending)
    {
        foreach (var signal in pending)
        {
            var bookmarks = instance.State.Waiting.SelectMany(e => e.Bookmarks)
                .Where(b => b.SignalName == signal.Name && (b.Correlation is null || b.Correlation == signal.Correlation))
                .Select(b => b.Id).ToList();
            if (bookmarks.Count > 0) return (signal, bookmarks);
        }
        return null;
    }

    /// <summary>The in-process lock that keeps two steps of one instance on this host from running at once.</summary>
    private SemaphoreSlim GateOf(Guid instanceId) => _locks[(instanceId.GetHashCode() & int.MaxValue) % _locks.Length];

    private static bool Ended(WorkflowInstance instance) => instance.Status is InstanceStatus.Finished or InstanceStatus.Cancelled;

    private static bool AddsSignalBookmark(StepCommit commit) =>
        commit.AddedBookmarks.Exists(b => b.SignalName is not null) || AllSignals(commit).Any(s => s.InstanceId == commit.Instance.Id);

    /// <summary>After a step that created signal bookmarks, hands them what the inbox already holds.</summary>
    private async Task<StepReport> DeliverAfterAsync(StepCommit commit, StepReport report, CancellationToken cancellationToken)
    {
        if (!AddsSignalBookmark(commit)) return report;
        var (_, last) = await DeliverAllAsync(commit.Instance.Id, cancellationToken);
        return last is null ? report : StepReport.Of(last.Instance) with { Replayed = report.Replayed };
    }

    /// <summary>Fires a due timer; a timer whose bookmark is gone is deleted and does nothing.</summary>
    /// <returns>True when the timer resumed its activity.</returns>
    public async Task<bool> FireTimerAsync(DueTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            await StepAsync(timer.InstanceId, null, "", null, instance =>
            {
                if (!instance.State.Waiting.Any(e => e.Bookmarks.Any(b => b.Id == timer.BookmarkId)))
                    throw new WorkflowException(WorkflowErrorKind.Conflict, "bookmark-not-waiting", "The timer's bookmark is gone.");
                return Task.FromResult<IReadOnlyList<Stimulus>>([new Stimulus.Resume(timer.BookmarkId, "timer", null)]);
            }, cancellationToken);
            return true;
        }
        catch (WorkflowException ex) when (ex.Code is "bookmark-not-waiting" or "instance-not-found" or "instance-ended")
        {
            await _store.DeleteTimerAsync(timer.BookmarkId, cancellationToken);
            return false;
        }
    }

    private async Task<StepReport> StepAsync(Guid instanceId, string? key, string request, Func<IStepScope, CancellationToken, Task>? domainWrite,
        Func<WorkflowInstance, Task<IReadOnlyList<Stimulus>>> stimuli, CancellationToken cancellationToken)
    {
        var (commit, report) = await StepCoreAsync(instanceId, key, request, domainWrite, stimuli, cancellationToken);
        if (commit is null) return report;
        await TellOthersAsync(commit, cancellationToken);
        return await DeliverAfterAsync(commit, report, cancellationToken);
    }

    private async Task<(StepCommit? Commit, StepReport Report)> StepCoreAsync(Guid instanceId, string? key, string request,
        Func<IStepScope, CancellationToken, Task>? domainWrite, Func<WorkflowInstance, Task<IReadOnlyList<Stimulus>>> stimuli,
        CancellationToken cancellationToken)
    {
        var hash = key is null ? "" : Hash(request);
        var gate = GateOf(instanceId);
        await gate.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 0; attempt < MaxAttempts; attempt++)
            {
                if (key is not null && await ReplayAsync(key, hash, cancellationToken) is { } replay) return (null, replay);
                await using var scope = await _store.BeginStepAsync(instanceId, cancellationToken);
                var instance = scope.Instance
                    ?? throw new WorkflowException(WorkflowErrorKind.NotFound, "instance-not-found", $"There is no instance {instanceId}.");
                var workflow = await _definitions.GetRunnableAsync(instance.DefinitionId, instance.DefinitionVersion, cancellationToken);
                var now = _time.GetUtcNow();
                var commit = new StepCommit { Instance = instance, ExpectedRevision = instance.Revision };
                var resumes = await stimuli(instance);
                // The stimulus's own domain work (the answer that resumes the instance) goes first: the activities it
                // resumes act on its consequence, e.g. closing the task it answered.
                if (domainWrite is not null) await domainWrite(scope, cancellationToken);
                foreach (var stimulus in resumes)
                {
                    // A resume earlier in this step may have cancelled a bookmark a later one names.
                    if (stimulus is Stimulus.Resume r && commit.RemovedBookmarks.Contains(r.BookmarkId)) continue;
                    await _runner.RunAsync(instance, workflow, stimulus, commit, scope, now, cancellationToken);
                }
                var report = Finish(commit, now, key, hash);
                if (await scope.CommitAsync(commit, cancellationToken))
                {
                    Notify(commit);
                    return (commit, report);
                }
            }
            throw new WorkflowException(WorkflowErrorKind.Conflict, "instance-busy", $"Instance {instanceId} kept changing while this request ran; try again.");
        }
        finally
        {
            gate.Release();
        }
    }

    private StepReport Finish(StepCommit commit, DateTimeOffset now, string? key, string hash, bool startedByParentStep = false)
    {
        var instance = commit.Instance;
        instance.Revision = commit.ExpectedRevision + 1;
        instance.UpdatedAt = now;
        TellParent(commit, now, startedByParentStep);
        commit.StateJson = JsonSerializer.Serialize(instance.State, DefinitionJson.Options);
        var report = StepReport.Of(instance);
        if (key is not null)
            commit.Idempotency = new IdempotencyRecord(key, hash, instance.Id, JsonSerializer.Serialize(report, DefinitionJson.Options), now);
        return report;
    }

    private void Notify(StepCommit commit)
    {
        if (Flatten(commit).Any(c => c.Outbox.Count > 0)) OutboxWritten?.Invoke();
        var due = Flatten(commit).SelectMany(c => c.AddedBookmarks).Where(b => b.DueAt is not null).Select(b => b.DueAt!.Value).DefaultIfEmpty().Min();
        if (due != default) TimerScheduled?.Invoke(due);
    }

    /// <summary>A step's commit and those of the children it started, depth first.</summary>
    private static IEnumerable<StepCommit> Flatten(StepCommit commit) => commit.Children.SelectMany(Flatten).Prepend(commit);

    /// <summary>Every signal a step queued for an instance, its children's included.</summary>
    private static IEnumerable<QueuedSignal> AllSignals(StepCommit commit) => Flatten(commit).SelectMany(c => c.Signals);

    /// <summary>
    /// Queues, in the child's step, the signal that tells its parent the child finished, was cancelled or newly faulted
    /// (<see cref="ActivityContext.ChildEndedSignal"/>, correlated by the child's id). A child that finishes in the very
    /// step of its parent that starts it tells nothing: the parent's activity sees it finished at once.
    /// </summary>
    private static void TellParent(StepCommit commit, DateTimeOffset now, bool startedByParentStep)
    {
        var instance = commit.Instance;
        if (instance.State.Parent is not { } parent) return;
        var ended = instance.Status is InstanceStatus.Finished or InstanceStatus.Cancelled;
        var newlyFaulted = instance.Status == InstanceStatus.Faulted && commit.StatusBefore != InstanceStatus.Faulted;
        if (!ended && !newlyFaulted) return;
        if (startedByParentStep && instance.Status == InstanceStatus.Finished) return;
        var payload = new JsonObject
        {
            ["instanceId"] = instance.Id.ToString(),
            ["definitionId"] = instance.DefinitionId,
            ["status"] = instance.Status.ToString(),
        };
        if (newlyFaulted && commit.Incidents.LastOrDefault(i => i.ResolvedAt is null && i.ErrorType.Length > 0) is { } incident)
        {
            payload["activityId"] = incident.ActivityId;
            payload["incidentId"] = incident.Id.ToString();
        }
        commit.Signals.Add(new QueuedSignal(Guid.CreateVersion7(now), parent.InstanceId, ActivityContext.ChildEndedSignal, instance.Id.ToString(), payload,
            $"{ActivityContext.ChildEndedSignal}:{instance.Id}:{instance.Revision}", now));
    }

    /// <summary>
    /// After a commit, delivers the signals the step queued for other instances (a child's end to its parent). A failure
    /// here loses nothing — the signals are rows, and the sweep delivers them — so it does not fail the request whose step committed.
    /// </summary>
    private async Task TellOthersAsync(StepCommit commit, CancellationToken cancellationToken)
    {
        foreach (var target in AllSignals(commit).Select(s => s.InstanceId).Where(id => id != commit.Instance.Id).Distinct().ToList())
        {
            try
            {
                await DeliverAllAsync(target, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The sweep (DeliverQueuedSignalsAsync over FindInstancesWithUncheckedSignalsAsync) tries again.
            }
        }
    }

    /// <summary>
    /// Starts a child of <paramref name="parent"/> inside the parent's step (see <see cref="ActivityContext.StartChildWorkflowAsync"/>):
    /// its first step runs in the same unit of work and its rows are written with the parent's commit.
    /// </summary>
    internal async Task<ChildWorkflow> StartChildAsync(WorkflowInstance parent, string activityId, string executionId, string definitionId, int? version,
        JsonObject? input, StepCommit parentCommit, IStepScope scope, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var depth = (parent.State.Parent?.Depth ?? 0) + 1;
        if (depth > MaxChildDepth) throw ActivityFaults.RunWorkflowTooDeep.Fault(("activity", activityId), ("max", depth));
        CompiledWorkflow workflow;
        try
        {
            workflow = await _definitions.GetRunnableAsync(definitionId, version, cancellationToken);
        }
        catch (WorkflowException ex) when (ex.Kind == WorkflowErrorKind.NotFound)
        {
            throw ActivityFaults.RunWorkflowUnknown.Fault(("activity", activityId), ("definition", definitionId), ("version", version is { } v ? $" v{v}" : ""));
        }
        // A community's own workflow runs only in that community: a child runs in its parent's.
        if (workflow.OwnerCommunityId is { } owner && owner != parent.ScopeId)
            throw ActivityFaults.RunWorkflowOtherCommunity.Fault(("activity", activityId), ("definition", definitionId));
        Dictionary<string, JsonNode?> bound;
        try
        {
            bound = BindInputs(workflow.Definition, input);
        }
        catch (WorkflowException ex) when (ex.Code == "invalid-input")
        {
            throw ActivityFaults.RunWorkflowInputs.Fault(("activity", activityId), ("definition", definitionId),
                ("inputs", string.Join(", ", (ex.FieldErrors ?? new Dictionary<string, FieldError[]>()).Select(e => $"{e.Key} ({string.Join(" ", e.Value.Select(f => f.Code))})"))));
        }
        var child = new WorkflowInstance
        {
            Id = Guid.CreateVersion7(now),
            DefinitionId = workflow.Definition.Id,
            DefinitionVersion = workflow.Version,
            CorrelationId = parent.CorrelationId,
            ScopeId = parent.ScopeId,
            CreatedAt = now,
            State = new InstanceState
            {
                Input = bound,
                Parent = new ParentLink { InstanceId = parent.Id, ActivityId = activityId, ExecutionId = executionId, Depth = depth },
            },
        };
        foreach (var variable in workflow.Definition.Variables) child.State.Variables[variable.Name] = variable.Default?.DeepClone();
        var commit = new StepCommit { Instance = child, IsNew = true, ExpectedRevision = 0 };
        await _runner.RunAsync(child, workflow, new Stimulus.Start(), commit, scope, now, cancellationToken);
        Finish(commit, now, null, "", startedByParentStep: true);
        parentCommit.Children.Add(commit);
        return ChildWorkflow.Of(child);
    }

    /// <summary>A child of <paramref name="parentId"/> as committed; null when there is none of that id.</summary>
    internal async Task<ChildWorkflow?> FindChildAsync(Guid parentId, Guid childId, CancellationToken cancellationToken) =>
        await _store.GetInstanceAsync(childId, cancellationToken) is { } child && child.State.Parent?.InstanceId == parentId ? ChildWorkflow.Of(child) : null;

    private async Task<StepReport?> ReplayAsync(string key, string hash, CancellationToken cancellationToken)
    {
        var record = await _store.FindIdempotencyAsync(key, cancellationToken);
        if (record is null) return null;
        if (record.RequestHash != hash)
            throw new WorkflowException(WorkflowErrorKind.IdempotencyMismatch, "idempotency-key-reused",
                "This idempotency key was already used for a different request. Use a new key for a new request.");
        return JsonSerializer.Deserialize<StepReport>(record.Result, DefinitionJson.Options)! with { Replayed = true };
    }

    private static Dictionary<string, JsonNode?> BindInputs(WorkflowDefinition definition, JsonObject? given)
    {
        var errors = new Dictionary<string, FieldError[]>(StringComparer.Ordinal);
        var bound = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var name in given?.Select(p => p.Key).Where(k => definition.Inputs.All(i => i.Name != k)) ?? [])
            errors[name] = [InputFields.Unknown.With(("input", name))];
        foreach (var input in definition.Inputs)
        {
            var value = given?[input.Name]?.DeepClone() ?? input.Default?.DeepClone();
            if (value is null || (value is JsonValue s && s.GetValueKind() == JsonValueKind.String && string.IsNullOrWhiteSpace(s.GetValue<string>())))
            {
                if (input.Required) errors[input.Name] = [CommonFields.Required.Error()];
                bound[input.Name] = null;
                continue;
            }
            var problem = CheckType(input.Type, value) ?? CheckOption(input, value) ?? CheckPicked(input, value);
            if (problem is not null) errors[input.Name] = [problem];
            bound[input.Name] = value;
        }
        return errors.Count == 0
            ? bound
            : throw new WorkflowException(WorkflowErrorKind.Invalid, "invalid-input", "Some workflow inputs are missing or invalid.") { FieldErrors = errors };
    }

    private static FieldError? CheckType(InputType type, JsonNode value)
    {
        var kind = value.GetValueKind();
        var text = JsonValues.AsText(value);
        return type switch
        {
            InputType.Text when kind != JsonValueKind.String => InputFields.Text.Error(),
            InputType.Number when kind != JsonValueKind.Number => InputFields.Number.Error(),
            InputType.Boolean when kind is not (JsonValueKind.True or JsonValueKind.False) => InputFields.Boolean.Error(),
            InputType.Duration when !Durations.TryParse(text, out _) => InputFields.Duration.Error(),
            InputType.DateTime when !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, out _) => InputFields.DateTime.Error(),
            _ => null,
        };
    }

    private static FieldError? CheckOption(WorkflowInputDefinition input, JsonNode value) =>
        input.Options is { Count: > 0 } options && !options.Any(o => o.Value == JsonValues.AsText(value))
            ? InputFields.Option.With(("options", string.Join(", ", options.Select(o => o.Value))))
            : null;

    private static FieldError? CheckPicked(WorkflowInputDefinition input, JsonNode value) => input.Picker == InputPicker.None ? null
        : input.Type == InputType.Json
            ? value is JsonArray ids && ids.All(i => i is JsonValue v && v.GetValueKind() == JsonValueKind.String && Guid.TryParse(v.GetValue<string>(), out _))
                ? null : InputFields.Ids.Error()
            : Guid.TryParse(JsonValues.AsText(value), out _) ? null : InputFields.Id.Error();

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
