using Deliberation.Civic.Communities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Deliberation.Persistence.Configurations;

/// <summary>The <c>staff_notices</c> table; the unread ones are listed per community, newest first.</summary>
internal sealed class StaffNoticeConfiguration : IEntityTypeConfiguration<StaffNotice>
{
    public void Configure(EntityTypeBuilder<StaffNotice> e)
    {
        e.ToTable("staff_notices");
        e.HasKey(x => x.Id);
        e.Property(x => x.Subject).HasMaxLength(StaffNotice.MaxSubject);
        e.Property(x => x.Body).HasMaxLength(StaffNotice.MaxBody);
        e.HasIndex(x => new { x.CommunityId, x.ReadAt, x.CreatedAt });
    }
}
