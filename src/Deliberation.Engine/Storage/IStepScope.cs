using Deliberation.Engine.Runtime;

namespace Deliberation.Engine.Storage;

/// <summary>
/// One step's unit of work, opened by the store before any activity runs: its transaction (on PostgreSQL with the
/// instance's row locked, on SQLite with the write lock taken) holds the instance as loaded, the domain work of the
/// stimulus and of every activity, and finally the engine's own rows. All of it commits together or not at all.
/// Domain code reaches the transaction through its own adapter (the engine names no database type); an activity
/// that faults has its domain work undone while the rest of the step stands.
/// </summary>
public interface IStepScope : IAsyncDisposable
{
    /// <summary>The instance as loaded inside the unit of work; null for a step that starts a new instance, or when there is no such instance.</summary>
    WorkflowInstance? Instance { get; }

    /// <summary>Marks where an activity's domain work begins, so that <see cref="UndoActivityAsync"/> can take it back.</summary>
    ValueTask EnterActivityAsync(CancellationToken cancellationToken);

    /// <summary>Takes back the domain work done since <see cref="EnterActivityAsync"/> (the activity faulted).</summary>
    ValueTask UndoActivityAsync(CancellationToken cancellationToken);

    /// <summary>Writes the engine's rows of the step and commits everything.</summary>
    /// <returns>False, with nothing written, when the instance's revision moved on, a queued signal was taken, or the idempotency key was taken meanwhile.</returns>
    Task<bool> CommitAsync(StepCommit commit, CancellationToken cancellationToken);
}
