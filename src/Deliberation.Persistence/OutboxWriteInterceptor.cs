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

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Remember(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Remember(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context?.Database.CurrentTransaction is null) Notify(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context?.Database.CurrentTransaction is null) Notify(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Notify(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Notify(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>Notes a context about to save new outbox rows.</summary>
    private void Remember(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<OutboxRow>().Any(e => e.State == EntityState.Added)) _pending.AddOrUpdate(context, this);
    }

    /// <summary>Wakes the outbox once the rows a context noted are committed.</summary>
    private void Notify(DbContext? context)
    {
        if (context is not null && _pending.Remove(context)) signal.NotifyWritten();
    }
}
