using Deliberation.Civic.Data;
using Deliberation.Civic.Links;
using Deliberation.Civic.Notices;
using Deliberation.Civic.Participation;

namespace Deliberation.Civic.ShortLinks;

/// <summary>
/// Short links (<c>{PublicBaseUrl}/s/{code}</c>) for the signed links: short enough for an SMS, a chat message or a sparse
/// QR code. One per target: asking again for the same task link (task and link version, while it works) or the same notice
/// gives the same code. A short link only redirects; the target still checks its signature. A task's short link is gone
/// once its link is reissued, and every short link expires with its target.
/// </summary>
/// <param name="database">The database.</param>
/// <param name="links">Makes the signed links and the public address.</param>
/// <param name="time">The clock.</param>
public sealed class ShortLinkStore(ICivicDatabase database, AnswerLinks links, TimeProvider time)
{
    /// <summary>The path of short links, before the code.</summary>
    public const string PathPrefix = "/s/";

    // A fresh code taken by another link is drawn again; with 58 bits this never needs a second try in practice.
    private const int Attempts = 5;

    /// <summary>The short link of the task's current answer link.</summary>
    public async Task<string> ForTaskAsync(ParticipationTask task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        var now = time.GetUtcNow();
        var code = await ExistingAsync(db => db.ShortLinks.Where(s => s.Kind == ShortLinkKinds.Task && s.TaskId == task.Id && s.LinkVersion == task.LinkVersion
            && s.ExpiresAt > now), cancellationToken);
        code ??= await AddAsync(new ShortLink
        {
            Kind = ShortLinkKinds.Task, Target = AnswerLinks.PathPrefix + links.CreateToken(task, now), TaskId = task.Id, LinkVersion = task.LinkVersion,
            CreatedAt = now, ExpiresAt = links.ExpiryFor(task, now),
        }, cancellationToken);
        return Url(code);
    }

    /// <summary>The short link of the notice's public page.</summary>
    public async Task<string> ForNoticeAsync(PostedNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var target = NoticeStore.PathPrefix + notice.PublicCode;
        var code = await ExistingAsync(db => db.ShortLinks.Where(s => s.Target == target), cancellationToken);
        code ??= await AddAsync(new ShortLink { Kind = ShortLinkKinds.Notice, Target = target, CreatedAt = time.GetUtcNow() }, cancellationToken);
        return Url(code);
    }

    /// <summary>Where a code leads: the full link, or why it leads nowhere.</summary>
    public async Task<ShortLinkResolution> ResolveAsync(string? code, CancellationToken cancellationToken)
    {
        if (!ShortCodes.IsCode(code)) return new ShortLinkResolution(ShortLinkStatus.NotFound, null);
        await using var db = database.Open();
        var link = await db.ShortLinks.FirstOrDefaultAsync(s => s.Code == code, cancellationToken);
        if (link is null) return new ShortLinkResolution(ShortLinkStatus.NotFound, null);
        if (link.ExpiresAt is { } expires && time.GetUtcNow() >= expires) return new ShortLinkResolution(ShortLinkStatus.Gone, null);
        if (link.Kind == ShortLinkKinds.Task)
        {
            var version = await db.Tasks.Where(t => t.Id == link.TaskId).Select(t => (int?)t.LinkVersion).FirstOrDefaultAsync(cancellationToken);
            if (version is null || version != link.LinkVersion) return new ShortLinkResolution(ShortLinkStatus.Gone, null);
        }
        return new ShortLinkResolution(ShortLinkStatus.Found, links.StaffPage(link.Target));
    }

    /// <summary>The full short link of a code.</summary>
    public string Url(string code) => links.StaffPage(PathPrefix + code);

    private async Task<string?> ExistingAsync(Func<ICivicSession, IQueryable<ShortLink>> query, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        return await query(db).OrderBy(s => s.CreatedAt).Select(s => s.Code).FirstOrDefaultAsync(cancellationToken);
    }

    private async Task<string> AddAsync(ShortLink link, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            link.Code = ShortCodes.Create();
            await using var db = database.Open(tracking: true);
            db.ShortLinks.Add(link);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return link.Code;
            }
            catch (DataWriteException) when (attempt < Attempts)
            {
                // The same target made at the same moment by another request (its unique index), or a code drawn twice.
                var same = await ExistingAsync(d => d.ShortLinks.Where(s => s.Target == link.Target), cancellationToken);
                if (same is not null) return same;
            }
        }
    }
}
