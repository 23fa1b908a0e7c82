using System.Globalization;
using Deliberation.Persistence;
using Hangfire.PostgreSql;
using Npgsql;

namespace Deliberation.Host.Hosting;

/// <summary>
/// Creates or upgrades Hangfire's tables when its storage is PostgreSQL (<c>Deliberation:Hangfire:Storage</c>), inside
/// the start-up lock the hosts on one database take (<see cref="DatabaseSecrets.StartupLockKey"/>), so that hosts starting
/// together install one after the other. The storage is registered with <c>PrepareSchemaIfNecessary</c> off.
/// </summary>
public static class HangfireSchema
{
    /// <summary>The schema Hangfire's tables live in.</summary>
    public const string Name = "hangfire";

    /// <summary>
    /// Installs or upgrades Hangfire's schema on <paramref name="connectionString"/>'s database. Synchronous, as Hangfire's
    /// configuration and its installer are: it runs once, when Hangfire's storage is first resolved at start-up.
    /// </summary>
    public static void Install(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using (var locking = new NpgsqlCommand(string.Create(CultureInfo.InvariantCulture, $"SELECT pg_advisory_lock({DatabaseSecrets.StartupLockKey})"), connection))
            locking.ExecuteNonQuery();
        try
        {
            PostgreSqlObjectsInstaller.Install(connection, Name);
        }
        finally
        {
            using var unlocking = new NpgsqlCommand(string.Create(CultureInfo.InvariantCulture, $"SELECT pg_advisory_unlock({DatabaseSecrets.StartupLockKey})"), connection);
            unlocking.ExecuteNonQuery();
        }
    }
}
