using Deliberation.Civic.Data;
using Deliberation.Civic.Notices;

namespace Deliberation.Civic.ShortLinks;

/// <summary>
/// Messages a building head pastes into each building's chat group (楼栋群): the community's current notices (公示), each
/// with the short link of its PUBLIC page — never a resident's personal answer link.
/// </summary>
/// <param name="database">The database.</param>
/// <param name="shortLinks">Makes the public pages' short links.</param>
/// <param name="time">The clock.</param>
public sealed class BuildingChatMessages(ICivicDatabase database, ShortLinkStore shortLinks, TimeProvider time)
{
    /// <summary>The most notices one message names, newest first.</summary>
    public const int MaxNotices = 3;

    /// <summary>
    /// One message per building of the community (of <paramref name="buildings"/> only, when given: a building head's own),
    /// in the buildings' natural order. A notice is current during its notice period, or for
    /// <see cref="NoticeStore.DefaultNoticePeriod"/> after it was posted when it takes no comments.
    /// </summary>
    public async Task<IReadOnlyList<BuildingChatMessage>> ForAsync(Guid communityId, IReadOnlyCollection<Guid>? buildings, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var since = now - NoticeStore.DefaultNoticePeriod;
        List<PostedNotice> notices;
        List<(Guid Id, string Label)> groups;
        string community;
        await using (var db = database.Open())
        {
            community = (await db.Communities.SingleAsync(c => c.Id == communityId, cancellationToken)).Name;
            notices = (await db.PostedNotices.Where(n => n.CommunityId == communityId && (n.CommentsCloseAt > now || n.PostedAt >= since)).ToListAsync(cancellationToken))
                .OrderByDescending(n => n.PostedAt).ThenByDescending(n => n.Id).Take(MaxNotices).ToList();
            var rows = await db.BuildingGroups.Where(b => b.CommunityId == communityId).Select(b => new { b.Id, b.Compound, b.Name }).ToListAsync(cancellationToken);
            groups = rows.Where(b => buildings is null || buildings.Contains(b.Id))
                .Select(b => (b.Id, Communities.BuildingGroup.Labelled(b.Compound, b.Name)))
                .OrderBy(b => b.Item2, Roster.NaturalComparer.Instance).ToList();
        }
        var linked = new List<ChatNotice>(notices.Count);
        foreach (var notice in notices) linked.Add(new ChatNotice(notice.Id, notice.Title, await shortLinks.ForNoticeAsync(notice, cancellationToken)));
        return groups.Select(b => new BuildingChatMessage(b.Id, b.Label, linked.Count == 0 ? null : Compose(community, b.Label, linked), linked)).ToList();
    }

    /// <summary>The message for one building: a heading, each notice's title and short link, and whom to ask.</summary>
    public static string Compose(string community, string building, IReadOnlyList<ChatNotice> notices)
    {
        ArgumentNullException.ThrowIfNull(notices);
        var name = community.EndsWith("社区", StringComparison.Ordinal) ? community : community + "社区";
        var lines = new List<string> { $"【{name}公示】{building}的各位邻居：" };
        for (var i = 0; i < notices.Count; i++)
        {
            var title = notices[i].Title.StartsWith("【公示】", StringComparison.Ordinal) ? notices[i].Title["【公示】".Length..] : notices[i].Title;
            lines.Add(notices.Count == 1 ? title : $"{i + 1}. {title}");
            lines.Add($"详情及留言：{notices[i].ShortUrl}");
        }
        lines.Add("公示期内可点开链接查看全文、留言或提出异议；如有疑问请联系楼长。");
        return string.Join('\n', lines);
    }
}
