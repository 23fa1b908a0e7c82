using Deliberation.Civic.Links;
using Deliberation.Integrations.Files;
using Deliberation.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Deliberation.Host.Hosting;

/// <summary>
/// The keys every host on one database shares, read (or created) once the database is migrated: the link-signing key,
/// unless <c>Deliberation:Links:SigningKey</c> gives one, and Data Protection's key ring (sign-in cookies, bearer tokens,
/// anti-forgery tokens). So a link mailed by one host opens on another, and a sign-in survives a switch of host.
/// </summary>
public sealed class SharedSecrets(
    DatabaseSecrets secrets, IDataProtectionProvider dataProtection, IOptions<SignedLinkOptions> linkOptions, ResolvedPaths paths,
    ILogger<SharedSecrets> logger)
{
    /// <summary>The name of the link-signing key in the <c>secrets</c> table.</summary>
    public const string LinkSigningKeyName = "link-signing-key";

    private byte[]? _linkSigningKey;

    /// <summary>The link-signing key from the database.</summary>
    /// <exception cref="InvalidOperationException">Read before start-up loaded it.</exception>
    public byte[] LinkSigningKey => Volatile.Read(ref _linkSigningKey)
        ?? throw new InvalidOperationException("The link-signing key is read from the database at start-up, after the migrations; nothing signs or checks links before that.");

    /// <summary>
    /// Reads the shared keys, creating what is missing. Hosts starting together take turns (an advisory lock on
    /// PostgreSQL), so the first creates the keys and the others read them rather than each making its own.
    /// </summary>
    /// <exception cref="FormatException">The stored key, or the key file to take over, is damaged.</exception>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await using (await secrets.LockStartupAsync(cancellationToken))
        {
            if (string.IsNullOrWhiteSpace(linkOptions.Value.SigningKey))
                Volatile.Write(ref _linkSigningKey, await LoadLinkSigningKeyAsync(cancellationToken));
            // Data Protection makes its first key when it is first used: using it here, under the lock, makes that key
            // the one every host starting now reads, instead of one key per host until their key rings are next refreshed.
            dataProtection.CreateProtector("Deliberation.SharedSecrets").Protect([1]);
        }
    }

    private async Task<byte[]> LoadLinkSigningKeyAsync(CancellationToken cancellationToken)
    {
        var keyFile = ParticipationSetup.KeyFile(paths);
        if (await secrets.FindAsync(LinkSigningKeyName, cancellationToken) is { } stored)
        {
            var key = Parse(stored);
            if (File.Exists(keyFile) && SecretKeyFile.TryLoad(keyFile, Civic.Links.LinkSigningKey.Parse) is { } old && !old.AsSpan().SequenceEqual(key))
                logger.LogWarning("The key file {KeyFile} holds another link-signing key than the database; the database's is used and the file is ignored.", keyFile);
            return key;
        }

        // A single-host install kept its key in the data folder: taking it over keeps the links it mailed working.
        var fromFile = SecretKeyFile.TryLoad(keyFile, Civic.Links.LinkSigningKey.Parse);
        var candidate = fromFile ?? System.Security.Cryptography.RandomNumberGenerator.GetBytes(Civic.Links.LinkSigningKey.GeneratedKeyBytes);
        var winner = Parse(await secrets.GetOrAddAsync(LinkSigningKeyName, Convert.ToBase64String(candidate), cancellationToken));
        if (!winner.AsSpan().SequenceEqual(candidate))
            logger.LogInformation("Another host stored the link-signing key first; this host uses it.");
        else if (fromFile is not null)
            logger.LogInformation("The link-signing key of {KeyFile} is now kept in the database, shared by every host on it; links mailed before keep working.", keyFile);
        else
            logger.LogInformation("Generated the link-signing key and stored it in the database.");
        return winner;
    }

    private static byte[] Parse(string stored)
    {
        try
        {
            return Civic.Links.LinkSigningKey.Parse(stored);
        }
        catch (FormatException ex)
        {
            throw new FormatException($"The link-signing key in the database (secrets, {LinkSigningKeyName}) is damaged ({ex.Message}). Restore it from a backup, or delete the row to generate a new key (links already sent then stop working and must be reissued).", ex);
        }
    }
}
