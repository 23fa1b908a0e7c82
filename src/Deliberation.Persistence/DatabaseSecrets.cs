using Deliberation.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Persistence;

/// <summary>
/// Secrets kept in the database (the <c>secrets</c> table), so that every host on one database signs and checks with the
/// same keys. A secret is written once, by the first host that needs it; a host that loses that race reads the winner's.
/// </summary>
public sealed class DatabaseSecrets(DeliberationDatabase database, TimeProvider time)
{
    /// <summary>
    /// The key of the start-up advisory lock (any constant: it only has to differ from other advisory locks taken on the
    /// same PostgreSQL database). Code that installs other schemas at start-up (Hangfire's) takes the same lock.
    /// </summary>
    public const long StartupLockKey = 4919131752989213267;

    private const string Lock = "SELECT pg_advisory_lock(4919131752989213267)";
    private const string Unlock = "SELECT pg_advisory_unlock(4919131752989213267)";

    /// <summary>The stored value of the secret, or null when none is stored yet.</summary>
    public async Task<string?> FindAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        return await db.Secrets.Where(s => s.Name == name).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Stores <paramref name="value"/> under <paramref name="name"/> unless a value is stored already, and returns the one
    /// that is stored: the existing value, ours, or — when another host inserted at the same moment — the winner's.
    /// </summary>
    /// <exception cref="DbUpdateException">The insert failed for another reason than a concurrent insert of the same name.</exception>
    public async Task<string> GetOrAddAsync(string name, string value, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(value);
        if (await FindAsync(name, cancellationToken) is { } existing) return existing;
        try
        {
            await using var db = database.CreateContext(tracking: true);
            db.Secrets.Add(new SecretRow { Name = name, Value = value, CreatedAt = time.GetUtcNow() });
            await db.SaveChangesAsync(cancellationToken);
            return value;
        }
        catch (DbUpdateException)
        {
            // The name is the table's key: a concurrent host's insert won. Its value is the one every host uses.
            var winner = await FindAsync(name, cancellationToken);
            if (winner is null) throw;
            return winner;
        }
    }

    /// <summary>
    /// Holds a lock that one host at a time takes on the database (a PostgreSQL advisory lock; nothing on SQLite, which
    /// one host uses), so that hosts starting together create shared keys one after the other rather than each its own.
    /// Dispose it to let go.
    /// </summary>
    public async Task<IAsyncDisposable> LockStartupAsync(CancellationToken cancellationToken)
    {
        if (!database.IsPostgres) return NoLock.Instance;
        var db = database.CreateContext();
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync(Lock, cancellationToken);
            return new AdvisoryLock(db);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    private sealed class AdvisoryLock(DeliberationDbContext db) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            // Closing the session would release the lock too; unlocking first returns a clean connection to the pool.
            try { await db.Database.ExecuteSqlRawAsync(Unlock); }
            finally { await db.DisposeAsync(); }
        }
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
