using Deliberation.Civic.Notices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Deliberation.Persistence.Configurations;

/// <summary>The <c>posted_notices</c> table: listed per community (and case), found by their public code.</summary>
internal sealed class PostedNoticeConfiguration : IEntityTypeConfiguration<PostedNotice>
{
    public void Configure(EntityTypeBuilder<PostedNotice> e)
    {
        e.ToTable("posted_notices");
        e.HasKey(x => x.Id);
        e.Property(x => x.Kind).HasMaxLength(20);
        e.Property(x => x.CaseNumber).HasMaxLength(60);
        e.Property(x => x.Title).HasMaxLength(PostedNotice.MaxTitle);
        e.Property(x => x.Text).HasMaxLength(PostedNotice.MaxText);
        e.Property(x => x.PublicCode).HasMaxLength(32);
        e.HasIndex(x => x.PublicCode).IsUnique();
        e.HasIndex(x => new { x.CommunityId, x.CaseNumber, x.PostedAt });
    }
}
