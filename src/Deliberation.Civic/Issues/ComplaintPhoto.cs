namespace Deliberation.Civic.Issues;

/// <summary>A photo attached to a complaint, stored under the data folder.</summary>
public sealed class ComplaintPhoto
{
    /// <summary>Id; also the file name.</summary>
    public Guid Id { get; set; }

    /// <summary>The complaint.</summary>
    public Guid ComplaintId { get; set; }

    /// <summary><c>image/jpeg</c>, <c>image/png</c> or <c>image/webp</c>.</summary>
    public string ContentType { get; set; } = "";

    /// <summary>Size in bytes.</summary>
    public long Length { get; set; }

    /// <summary>SHA-256 of the bytes.</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>When it was attached.</summary>
    public DateTimeOffset AddedAt { get; set; }
}
