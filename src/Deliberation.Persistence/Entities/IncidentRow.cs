namespace Deliberation.Persistence.Entities;

#pragma warning disable CS1591 // Columns mirror the engine's records, which document them.

/// <summary>An incident.</summary>
public sealed class IncidentRow
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public string ActivityId { get; set; } = "";
    public string ExecutionId { get; set; } = "";
    public string ErrorType { get; set; } = "";
    public string Message { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? Resolution { get; set; }

    /// <summary>What went wrong, by code, where the activity knew (see <c>IncidentRecord.Code</c>).</summary>
    public string? Code { get; set; }

    /// <summary>The values the code's message names, as a JSON object of strings.</summary>
    public string? CodeValues { get; set; }

    /// <summary>When the community's staff were told of it by email (null until then).</summary>
    public DateTimeOffset? NotifiedAt { get; set; }
}
