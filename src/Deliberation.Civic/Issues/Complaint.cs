namespace Deliberation.Civic.Issues;

/// <summary>
/// A complaint (居民反映的问题) a building head logs for residents: what is wrong, how severe and urgent,
/// who and how many are affected. Staff merge duplicates, rank complaints and anchor one as the issue
/// of a deliberation (锚定问题, step 1).
/// </summary>
public sealed class Complaint
{
    /// <summary>Id.</summary>
    public Guid Id { get; set; }

    /// <summary>The community.</summary>
    public Guid CommunityId { get; set; }

    /// <summary>The kind of matter, a code from the deliberation matters catalogue (协商事项指导目录).</summary>
    public string CategoryCode { get; set; } = "";

    /// <summary>A short title, e.g. 5栋电梯经常停运.</summary>
    public string Title { get; set; } = "";

    /// <summary>What residents report.</summary>
    public string Description { get; set; } = "";

    /// <summary>How severe, 1 (minor) to 5 (serious).</summary>
    public int Severity { get; set; }

    /// <summary>How urgent, 1 (can wait) to 5 (at once).</summary>
    public int Urgency { get; set; }

    /// <summary>How many residents reported it (including those not named).</summary>
    public int ReporterCount { get; set; }

    /// <summary>
    /// The share of elderly residents (60 and over) among those affected, in percent with at most two decimals, e.g. 12.45
    /// (Dalong's figure): it weighs in on matters such as stairs for the elderly and is shown in the public notice. Null when unknown.
    /// </summary>
    public decimal? ElderlyPercent { get; set; }

    /// <summary>The account that logged it.</summary>
    public Guid LoggedByUserId { get; set; }

    /// <summary>When it was logged.</summary>
    public DateTimeOffset LoggedAt { get; set; }

    /// <summary><c>open</c>, <c>merged</c> (into <see cref="MergedIntoId"/>), <c>anchored</c> or <c>closed</c>.</summary>
    public string Status { get; set; } = ComplaintStatus.Open;

    /// <summary>The complaint this one was merged into.</summary>
    public Guid? MergedIntoId { get; set; }

    /// <summary>When staff anchored it as a deliberation's issue.</summary>
    public DateTimeOffset? AnchoredAt { get; set; }

    /// <summary>The case number given when anchored, e.g. DL-2026-003.</summary>
    public string? CaseNumber { get; set; }

    /// <summary>The deliberation workflow instance started when anchored.</summary>
    public Guid? InstanceId { get; set; }
}
