using Deliberation.Civic.Data;
using Deliberation.Engine.Runtime;

namespace Deliberation.Civic.Communities;

/// <summary>
/// The dashboard's notices to staff (<see cref="StaffNotice"/>): the unread ones, and marking one read. Refusals are
/// <see cref="WorkflowException"/>s: <c>notice-not-found</c> (404). Marking a read notice read again changes nothing.
/// </summary>
public sealed class StaffNoticeStore(ICivicDatabase database, TimeProvider time)
{
    /// <summary>The most notices listed at once.</summary>
    public const int MaxListed = 50;

    /// <summary>The community's unread notices, newest first.</summary>
    public async Task<List<StaffNotice>> UnreadAsync(Guid communityId, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        return await db.StaffNotices.Where(n => n.CommunityId == communityId && n.ReadAt == null)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(MaxListed).ToListAsync(cancellationToken);
    }

    /// <summary>Marks a notice read by the account (the first reader is kept).</summary>
    /// <exception cref="WorkflowException">The community has no such notice (404).</exception>
    public async Task<StaffNotice> MarkReadAsync(Guid communityId, Guid noticeId, Guid userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = database.Open();
        await db.StaffNotices.Where(n => n.Id == noticeId && n.CommunityId == communityId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now).SetProperty(n => n.ReadByUserId, userId), cancellationToken);
        return await db.StaffNotices.FirstOrDefaultAsync(n => n.Id == noticeId && n.CommunityId == communityId, cancellationToken)
            ?? throw new WorkflowException(WorkflowErrorKind.NotFound, "notice-not-found", $"The community has no notice {noticeId}.");
    }
}
