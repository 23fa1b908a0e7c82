using Deliberation.Engine.Tests.Support;
using Deliberation.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Engine.Tests.Messaging;

/// <summary>The outbox's delivery loop hears of every commit that wrote an email, not only of workflow steps' own messages.</summary>
public sealed class OutboxSignalTests
{
    [Fact]
    public async Task SaveChanges_OutboxRowWithoutTransaction_NotifiesOnce()
    {
        await using var engine = await TestEngine.CreateAsync();
        var notified = 0;
        engine.Database.OutboxSignal.Written += () => notified++;

        await using (var db = engine.Database.CreateContext(tracking: true))
        {
            db.Outbox.Add(Row(engine));
            await db.SaveChangesAsync();
        }

        Assert.Equal(1, notified);
    }

    [Fact]
    public async Task SaveChanges_OutboxRowInTransaction_NotifiesAtCommitNotBefore()
    {
        await using var engine = await TestEngine.CreateAsync();
        var notified = 0;
        engine.Database.OutboxSignal.Written += () => notified++;

        await using var db = engine.Database.CreateContext(tracking: true);
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Outbox.Add(Row(engine));
        await db.SaveChangesAsync();
        var beforeCommit = notified;
        await transaction.CommitAsync();

        Assert.Equal(0, beforeCommit);
        Assert.Equal(1, notified);
    }

    [Fact]
    public async Task SaveChanges_NoOutboxRow_DoesNotNotify()
    {
        await using var engine = await TestEngine.CreateAsync();
        var notified = 0;
        engine.Database.OutboxSignal.Written += () => notified++;

        await using (var db = engine.Database.CreateContext(tracking: true))
        {
            db.Signals.Add(new SignalRow { Id = Guid.CreateVersion7(), InstanceId = Guid.CreateVersion7(), Name = "x", CreatedAt = engine.Time.GetUtcNow() });
            await db.SaveChangesAsync();
        }

        Assert.Equal(0, notified);
        await using var read = engine.Database.CreateContext();
        Assert.Equal(0, await read.Outbox.CountAsync());
    }

    private static OutboxRow Row(TestEngine engine)
    {
        var now = engine.Time.GetUtcNow();
        return new OutboxRow { Id = Guid.CreateVersion7(now), Kind = "email", Payload = "{}", CreatedAt = now, NextAttemptAt = now };
    }
}
