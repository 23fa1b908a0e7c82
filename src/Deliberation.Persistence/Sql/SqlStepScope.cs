using System.Data.Common;
using Deliberation.Engine.Runtime;
using Deliberation.Engine.Storage;

namespace Deliberation.Persistence.Sql;

/// <summary>
/// A step's unit of work on one pooled connection: the transaction begun before any activity ran, the instance read
/// (and on PostgreSQL locked) inside it, domain contexts opened on it (<see cref="DeliberationDatabase.CreateContextAsync"/>),
/// and the engine's rows written last. Each activity that touches the domain gets a savepoint, so that a faulted
/// activity's domain work is rolled back while the step goes on.
/// </summary>
public sealed class SqlStepScope : IStepScope
{
    private const string ActivitySavepoint = "activity";
    private readonly SqlWorkflowStore _store;
    private readonly PooledConnection _connection;
    private bool _inActivity, _savepoint, _ended, _domainUsed;

    internal SqlStepScope(SqlWorkflowStore store, PooledConnection connection, DbTransaction transaction, WorkflowInstance? instance)
    {
        _store = store;
        _connection = connection;
        Transaction = transaction;
        Instance = instance;
    }

    /// <inheritdoc/>
    public WorkflowInstance? Instance { get; }

    /// <summary>The step's connection, for domain contexts.</summary>
    public DbConnection Connection => _connection.Connection;

    /// <summary>The step's transaction, for domain contexts.</summary>
    public DbTransaction Transaction { get; }

    /// <inheritdoc/>
    public async ValueTask EnterActivityAsync(CancellationToken cancellationToken)
    {
        if (_savepoint) await Transaction.ReleaseAsync(ActivitySavepoint, cancellationToken);
        (_inActivity, _savepoint) = (true, false);
    }

    /// <inheritdoc/>
    public async ValueTask UndoActivityAsync(CancellationToken cancellationToken)
    {
        if (_savepoint)
        {
            await Transaction.RollbackAsync(ActivitySavepoint, cancellationToken);
            await Transaction.ReleaseAsync(ActivitySavepoint, cancellationToken);
        }
        (_inActivity, _savepoint) = (false, false);
    }

    /// <summary>
    /// Called before domain code uses the transaction: inside an activity, the first use sets the savepoint that
    /// <see cref="UndoActivityAsync"/> returns to (activities that never touch the domain cost nothing).
    /// </summary>
    internal async ValueTask OpenForDomainAsync(CancellationToken cancellationToken)
    {
        if (_ended) throw new InvalidOperationException("The step's unit of work has ended.");
        _domainUsed = true;
        if (!_inActivity || _savepoint) return;
        await Transaction.SaveAsync(ActivitySavepoint, cancellationToken);
        _savepoint = true;
    }

    /// <inheritdoc/>
    public async Task<bool> CommitAsync(StepCommit commit, CancellationToken cancellationToken)
    {
        if (_savepoint) await Transaction.ReleaseAsync(ActivitySavepoint, cancellationToken);
        (_inActivity, _savepoint) = (false, false);
        try
        {
            CrashPoints.Reach(CrashPoints.BeforeStepCommit);
            var committed = await _store.CommitInAsync(_connection, Transaction, commit, cancellationToken);
            if (committed) CrashPoints.Reach(CrashPoints.AfterStepCommit);
            // Domain work may have queued emails (a time poll, a notice): the outbox need not wait for its next poll.
            if (committed && _domainUsed) _store.Outbox?.NotifyWritten();
            return committed;
        }
        catch
        {
            _connection.Broken = true;
            throw;
        }
        finally
        {
            _ended = true;
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (!_ended)
        {
            _ended = true;
            try { await Transaction.RollbackAsync(CancellationToken.None); }
            catch (DbException) { _connection.Broken = true; }
            catch (InvalidOperationException) { _connection.Broken = true; }
        }
        await _connection.EndAsync();
        await _connection.DisposeAsync();
    }
}
