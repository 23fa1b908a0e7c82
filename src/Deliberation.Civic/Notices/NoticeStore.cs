using System.Security.Cryptography;
using Deliberation.Civic.Communities;
using Deliberation.Civic.Data;
using Deliberation.Civic.Links;
using Deliberation.Civic.ShortLinks;
using Deliberation.Engine.Runtime;

namespace Deliberation.Civic.Notices;

/// <summary>
/// Public notices (公示) as posted on the wall: each one is recorded in the transaction of the step that announces it
/// (<see cref="Post"/>), printed as an A4 PDF with a QR code to its public page (<see cref="PrintAsync"/>), and takes
/// comments and objections on that page during its notice period, which staff publish, hide and answer. Refusals are
/// <see cref="WorkflowException"/>s with stable codes (<c>public-notice-not-found</c>, <c>notice-comment-not-found</c>,
/// <c>notice-comments-closed</c>, <c>invalid-input</c>).
/// </summary>
/// <param name="database">The database.</param>
/// <param name="links">Makes the public page's address.</param>
/// <param name="shortLinks">Makes the public page's short link, the printed QR code.</param>
/// <param name="time">The clock.</param>
public sealed class NoticeStore(ICivicDatabase database, AnswerLinks links, ShortLinkStore shortLinks, TimeProvider time)
{
    /// <summary>Where the public pages are: <c>/gongshi/{code}</c>.</summary>
    public const string PathPrefix = "/gongshi/";

    /// <summary>How long a result or closing notice takes comments (公示期), as the minutes' default notice plan says.</summary>
    public static readonly TimeSpan DefaultNoticePeriod = TimeSpan.FromDays(7);

    /// <summary>Records a notice in <paramref name="db"/>'s unit of work (the step that announces it); written with its next save.</summary>
    public static PostedNotice Post(ICivicSession db, Guid communityId, string kind, string caseNumber, string title, string text, DateTimeOffset now,
        DateTimeOffset? commentsCloseAt, Guid? instanceId)
    {
        ArgumentNullException.ThrowIfNull(db);
        var notice = new PostedNotice
        {
            Id = Guid.CreateVersion7(now), CommunityId = communityId, Kind = kind, CaseNumber = caseNumber,
            Title = Clip(title, PostedNotice.MaxTitle), Text = Clip(text, PostedNotice.MaxText),
            PublicCode = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), PostedAt = now, CommentsCloseAt = commentsCloseAt, InstanceId = instanceId,
        };
        db.PostedNotices.Add(notice);
        return notice;
    }

    /// <summary>The public page of a notice.</summary>
    public string PublicUrl(PostedNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return links.StaffPage(PathPrefix + notice.PublicCode);
    }

    /// <summary>The community's notices, newest first, those of one case only when <paramref name="caseNumber"/> is given.</summary>
    public async Task<IReadOnlyList<(PostedNotice Notice, int Pending, int Comments)>> ListAsync(Guid communityId, string? caseNumber, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        var notices = db.PostedNotices.Where(n => n.CommunityId == communityId);
        if (!string.IsNullOrWhiteSpace(caseNumber)) notices = notices.Where(n => n.CaseNumber == caseNumber.Trim());
        var rows = await notices.Select(n => new
        {
            Notice = n,
            Pending = db.NoticeComments.Count(c => c.NoticeId == n.Id && c.Status == NoticeCommentStatuses.Pending),
            Comments = db.NoticeComments.Count(c => c.NoticeId == n.Id),
        }).ToListAsync(cancellationToken);
        return rows.OrderByDescending(r => r.Notice.PostedAt).ThenByDescending(r => r.Notice.Id).Select(r => (r.Notice, r.Pending, r.Comments)).ToList();
    }

    /// <summary>A notice of the community with every comment (staff's view).</summary>
    /// <exception cref="WorkflowException">No such notice in the community (404).</exception>
    public async Task<NoticeView> GetAsync(Guid communityId, Guid noticeId, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        var notice = await db.PostedNotices.FirstOrDefaultAsync(n => n.Id == noticeId && n.CommunityId == communityId, cancellationToken) ?? throw NotFound();
        return new NoticeView(notice, PublicUrl(notice), await CommentsAsync(db, notice.Id, publishedOnly: false, cancellationToken));
    }

    /// <summary>A notice by its public code with its published comments (the public page); null when there is none.</summary>
    public async Task<NoticeView?> FindPublicAsync(string? code, CancellationToken cancellationToken)
    {
        if (!IsCode(code)) return null;
        await using var db = database.Open();
        var notice = await db.PostedNotices.FirstOrDefaultAsync(n => n.PublicCode == code, cancellationToken);
        return notice is null ? null : new NoticeView(notice, PublicUrl(notice), await CommentsAsync(db, notice.Id, publishedOnly: true, cancellationToken));
    }

    /// <summary>The notice as an A4 PDF in Chinese with the QR code of its public page's short link (a sparser code to scan off a wall).</summary>
    /// <exception cref="WorkflowException">No such notice in the community (404).</exception>
    /// <exception cref="ActivityFaultException">No Chinese font is installed.</exception>
    public async Task<(PostedNotice Notice, byte[] Pdf)> PrintAsync(Guid communityId, Guid noticeId, CancellationToken cancellationToken)
    {
        var view = await GetAsync(communityId, noticeId, cancellationToken);
        return (view.Notice, NoticePdf.Render(view.Notice, await shortLinks.ForNoticeAsync(view.Notice, cancellationToken)));
    }

    /// <summary>
    /// Takes a comment or objection left on the public page: kept for staff to publish, hide or answer, with an alert
    /// to staff in the same transaction.
    /// </summary>
    /// <exception cref="WorkflowException">No such notice (404), its notice period is over (409) or the comment is invalid (400, errors by field).</exception>
    public async Task<NoticeComment> CommentAsync(string? code, string? text, string? name, string? phone, bool objection, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!IsCode(code)) throw NotFound();
        var errors = new Dictionary<string, FieldError[]>(StringComparer.Ordinal);
        TextRules.Check(errors, "text", text, NoticeComment.MaxText, required: true, multiline: true);
        TextRules.Check(errors, "name", name, NoticeComment.MaxName, required: false);
        string? normalizedPhone = null;
        if (!string.IsNullOrWhiteSpace(phone))
        {
            if (PhoneNumbers.TryNormalize(phone, out var normalized)) normalizedPhone = normalized;
            else errors["phone"] = [NoticeFields.Phone.Error()];
        }
        await using var db = database.Open();
        var notice = await db.PostedNotices.FirstOrDefaultAsync(n => n.PublicCode == code, cancellationToken) ?? throw NotFound();
        if (!notice.TakesCommentsAt(now)) throw CommentsClosed();
        if (errors.Count > 0)
            throw new WorkflowException(WorkflowErrorKind.Invalid, "invalid-input", "The comment is missing something or has invalid values; nothing was kept.") { FieldErrors = errors };

        var comment = new NoticeComment
        {
            Id = Guid.CreateVersion7(now), NoticeId = notice.Id, CommunityId = notice.CommunityId, IsObjection = objection, Text = text!.Trim(),
            Name = string.IsNullOrWhiteSpace(name) ? null : name.Trim(), Phone = normalizedPhone, PostedAt = now,
        };
        db.NoticeComments.Add(comment);
        // Staff hear of it where they read their notices; the alert names the notice, not the resident.
        db.StaffNotices.Add(new StaffNotice
        {
            Id = Guid.CreateVersion7(now), CommunityId = notice.CommunityId, InstanceId = notice.InstanceId, CreatedAt = now,
            Subject = Clip($"公示收到新{(objection ? "异议" : "留言")}：{notice.Title}", StaffNotice.MaxSubject),
            Body = $"案件 {notice.CaseNumber} 的公示收到一条新{(objection ? "异议" : "留言")}，请在“公示”中审核：公开、隐藏或答复。",
        });
        await db.SaveChangesAsync(cancellationToken);
        return comment;
    }

    /// <summary>Publishes, hides or answers a comment (<paramref name="action"/>: <c>publish</c>, <c>hide</c>, <c>answer</c>); an answer publishes it too.</summary>
    /// <exception cref="WorkflowException">No such comment in the community (404), or an invalid action or answer (400).</exception>
    public async Task<NoticeComment> ModerateAsync(Guid communityId, Guid commentId, string? action, string? response, Guid userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var errors = new Dictionary<string, FieldError[]>(StringComparer.Ordinal);
        if (action is not ("publish" or "hide" or "answer")) errors["action"] = [NoticeFields.Action.Error()];
        else if (action == "answer") TextRules.Check(errors, "response", response, NoticeComment.MaxResponse, required: true, multiline: true);
        if (errors.Count > 0)
            throw new WorkflowException(WorkflowErrorKind.Invalid, "invalid-input", "The moderation is missing something or has invalid values; nothing changed.") { FieldErrors = errors };
        await using var db = database.Open(tracking: true);
        var comment = await db.NoticeComments.FirstOrDefaultAsync(c => c.Id == commentId && c.CommunityId == communityId, cancellationToken)
            ?? throw new WorkflowException(WorkflowErrorKind.NotFound, "notice-comment-not-found", $"There is no comment {commentId}.");
        comment.Status = action == "hide" ? NoticeCommentStatuses.Hidden : NoticeCommentStatuses.Published;
        if (action == "answer") comment.Response = response!.Trim();
        comment.ModeratedAt = now;
        comment.ModeratedByUserId = userId;
        await db.SaveChangesAsync(cancellationToken);
        return comment;
    }

    private static async Task<IReadOnlyList<NoticeComment>> CommentsAsync(ICivicSession db, Guid noticeId, bool publishedOnly, CancellationToken cancellationToken)
    {
        var comments = db.NoticeComments.Where(c => c.NoticeId == noticeId);
        if (publishedOnly) comments = comments.Where(c => c.Status == NoticeCommentStatuses.Published);
        return (await comments.ToListAsync(cancellationToken)).OrderBy(c => c.PostedAt).ThenBy(c => c.Id).ToList();
    }

    private static bool IsCode(string? code) => code is { Length: 32 } && code.All(char.IsAsciiHexDigitLower);

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];

    private static WorkflowException NotFound() => new(WorkflowErrorKind.NotFound, "public-notice-not-found", "There is no such public notice.");

    private static WorkflowException CommentsClosed() =>
        new(WorkflowErrorKind.Conflict, "notice-comments-closed", "The notice period is over (or the notice takes no comments); nothing was kept.");
}
