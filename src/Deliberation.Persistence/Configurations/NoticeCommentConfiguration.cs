using Deliberation.Civic.Notices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Deliberation.Persistence.Configurations;

/// <summary>The <c>notice_comments</c> table: read per notice, oldest first.</summary>
internal sealed class NoticeCommentConfiguration : IEntityTypeConfiguration<NoticeComment>
{
    public void Configure(EntityTypeBuilder<NoticeComment> e)
    {
        e.ToTable("notice_comments");
        e.HasKey(x => x.Id);
        e.Property(x => x.Text).HasMaxLength(NoticeComment.MaxText);
        e.Property(x => x.Name).HasMaxLength(NoticeComment.MaxName);
        e.Property(x => x.Phone).HasMaxLength(24);
        e.Property(x => x.Status).HasMaxLength(20);
        e.Property(x => x.Response).HasMaxLength(NoticeComment.MaxResponse);
        e.HasOne<PostedNotice>().WithMany().HasForeignKey(x => x.NoticeId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.NoticeId, x.PostedAt });
        e.HasIndex(x => new { x.CommunityId, x.Status });
    }
}
