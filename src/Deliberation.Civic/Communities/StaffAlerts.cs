using Deliberation.Civic.Data;
using Deliberation.Engine.Messaging;

namespace Deliberation.Civic.Communities;

/// <summary>
/// Emails the committee staff of a community (accounts given that community) about something that needs them,
/// queued in the caller's transaction; with no such account, the administrators.
/// </summary>
public sealed class StaffAlerts
{
    /// <summary>The role name of administrators (as the host's auth defines it).</summary>
    public const string AdministratorRole = "Administrator";

    /// <summary>The role name of committee staff (as the host's auth defines it).</summary>
    public const string StaffRole = "CommitteeStaff";

    /// <summary>Queues one email per staff address and the dashboard's notice; returns how many emails.</summary>
    public async Task<int> QueueAsync(ICivicSession db, Guid communityId, Guid? instanceId, string subject, string body, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return Queue(db, communityId, await StaffAddressesAsync(db, communityId, cancellationToken), instanceId, subject, body, now);
    }

    /// <summary>
    /// Queues one email per address of <paramref name="staff"/> (as <see cref="StaffAddressesAsync"/> read them) and the
    /// notice the community's dashboard shows until a staff member marks it read; returns how many emails.
    /// </summary>
    public static int Queue(ICivicSession db, Guid communityId, IReadOnlyList<(string Address, string Name)> staff, Guid? instanceId, string subject, string body,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(body);
        db.StaffNotices.Add(new StaffNotice
        {
            Id = Guid.CreateVersion7(now), CommunityId = communityId, InstanceId = instanceId, CreatedAt = now,
            Subject = subject.Length <= StaffNotice.MaxSubject ? subject : subject[..StaffNotice.MaxSubject],
            Body = body.Length <= StaffNotice.MaxBody ? body : body[..StaffNotice.MaxBody],
        });
        foreach (var (address, name) in staff)
            db.QueueEmail(new EmailMessage([address], subject, $"{Letters.Greeting(name)}\n\n{body}\n\n{Letters.Signature}\n"), now, instanceId);
        return staff.Count;
    }

    /// <summary>
    /// The committee staff given the community, with a valid address (the administrators when there are none);
    /// building heads, who are given communities too, are not staff.
    /// </summary>
    public static async Task<List<(string Address, string Name)>> StaffAddressesAsync(ICivicSession db, Guid communityId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var staff = await db.StaffAccountsAsync(StaffRole, communityId, cancellationToken);
        if (staff.Count == 0) staff = await db.StaffAccountsAsync(AdministratorRole, null, cancellationToken);
        return [.. staff.Where(s => s.Email is { } e && EmailAddresses.IsValid(e))
            .Select(s => (s.Email!, string.IsNullOrWhiteSpace(s.DisplayName) ? "工作人员" : s.DisplayName))
            .DistinctBy(s => s.Item1.ToUpperInvariant()).OrderBy(s => s.Item1, StringComparer.Ordinal)];
    }
}
