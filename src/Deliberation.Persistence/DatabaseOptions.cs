namespace Deliberation.Persistence;

/// <summary>Which database to use. Section <c>Deliberation:Database</c>.</summary>
public sealed class DatabaseOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Deliberation:Database";

    /// <summary><c>Sqlite</c> (default, embedded) or <c>PostgreSql</c>.</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>
    /// The connection string. For SQLite, empty means <c>{DataPath}/deliberation.db</c>; a relative
    /// <c>Data Source</c> resolves against the folder that holds appsettings.json.
    /// </summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>True for PostgreSQL.</summary>
    public bool IsPostgres => Provider.Equals("PostgreSql", StringComparison.OrdinalIgnoreCase)
        || Provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase) || Provider.Equals("Npgsql", StringComparison.OrdinalIgnoreCase);
}
