using System.Data.Common;
using System.Runtime.CompilerServices;
using Deliberation.Engine.Messaging;
using Deliberation.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Deliberation.Persistence;

/// <summary>
/// Tells <see cref="OutboxSignal"/> when a context's changes that added outbox rows are committed: at once when they
/// were saved outside a transaction, when the context's own transaction commits otherwise. (A step's unit of work
/// commits its transaction itself and tells the signal then.)
/// </summary>
internal sealed class OutboxWriteInterceptor(OutboxSignal signal) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> _pending = [];

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && context.ChangeTracker.Entries<OutboxRow>().Any(e => e.State == EntityState.Added))
            _pending.AddOrUpdate(context, this);
        return ValueTask.FromResult(result);
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null && _pending.Remove(context)) signal.NotifyWritten();
        return ValueTask.FromResult(result);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && _pending.Remove(context)) signal.NotifyWritten();
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context && _pending.Remove(context)) signal.NotifyWritten();
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null && _pending.Remove(context)) signal.NotifyWritten();
        return result;
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && context.ChangeTracker.Entries<OutboxRow>().Any(e => e.State == EntityState.Added))
            _pending.AddOrUpdate(context, this);
        return result;
    }
}
