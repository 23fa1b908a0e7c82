using System.Security.Cryptography;
using System.Text;
using Deliberation.Host.Hosting;
using Deliberation.Persistence;
using Deliberation.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Host.Auth;

/// <summary>
/// Slows down guessing one account's password from one address: after <see cref="AuthOptions.FailuresPerAccount"/> wrong
/// passwords within <see cref="AuthOptions.FailureWindow"/>, that address may not try that account again until the oldest
/// of them is older than the window. Nothing is ever locked: the account signs in from any other address meanwhile, and
/// the pause ends by itself, so an outsider who knows a staff member's email cannot keep them out. The pair is keyed by
/// the email as typed (normalised, stored only as a hash), whether an account has it or not, so an unknown email is
/// throttled exactly as a known one and tells nothing. The failures live in the database (<c>sign_in_failures</c>), so
/// every host behind a balancer counts the same ones and a restart forgets nothing.
/// </summary>
public sealed class SignInThrottle(DeliberationDatabase database, AuthOptions options, TimeProvider time)
{
    /// <summary>One failure in this many also deletes the rows older than the window, so the table stays small.</summary>
    private const int PruneEvery = 64;

    /// <summary>How long the request's address must wait before trying <paramref name="email"/> again, or null when it may try now.</summary>
    public async Task<TimeSpan?> WaitForAsync(HttpContext http, string? email, CancellationToken cancellationToken)
    {
        var (address, account) = KeyOf(http, email);
        var now = time.GetUtcNow();
        var cutoff = now - options.FailureWindow;
        await using var db = database.CreateContext();
        // Only the newest few decide whether the pair waits: the oldest of them leaves the window first.
        var latest = await db.SignInFailures.Where(f => f.Address == address && f.AccountHash == account && f.At > cutoff)
            .OrderByDescending(f => f.At).Select(f => f.At).Take(options.FailuresPerAccount).ToListAsync(cancellationToken);
        if (latest.Count < options.FailuresPerAccount) return null;
        return latest[^1] + options.FailureWindow - now;
    }

    /// <summary>Counts a wrong password for <paramref name="email"/> from the request's address.</summary>
    public async Task FailedAsync(HttpContext http, string? email, CancellationToken cancellationToken)
    {
        var (address, account) = KeyOf(http, email);
        var now = time.GetUtcNow();
        await using var db = database.CreateContext(tracking: true);
        db.SignInFailures.Add(new SignInFailureRow { Address = address, AccountHash = account, At = now });
        await db.SaveChangesAsync(cancellationToken);
        if (Random.Shared.Next(PruneEvery) == 0)
        {
            var cutoff = now - options.FailureWindow;
            await db.SignInFailures.Where(f => f.At <= cutoff).ExecuteDeleteAsync(cancellationToken);
        }
    }

    /// <summary>The right password: the pair's count starts again.</summary>
    public async Task SucceededAsync(HttpContext http, string? email, CancellationToken cancellationToken)
    {
        var (address, account) = KeyOf(http, email);
        await using var db = database.CreateContext();
        await db.SignInFailures.Where(f => f.Address == address && f.AccountHash == account).ExecuteDeleteAsync(cancellationToken);
    }

    private static (string Address, string AccountHash) KeyOf(HttpContext http, string? email)
    {
        var address = ClientAddress.Of(http);
        if (address.Length > SignInFailureRow.MaxAddress) address = address[..SignInFailureRow.MaxAddress];
        var typed = (email ?? "").Trim().ToUpperInvariant();
        return (address, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(typed))));
    }
}
