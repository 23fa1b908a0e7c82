using Deliberation.Civic.Minutes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Deliberation.Persistence.Configurations;

/// <summary>The <c>minutes_revisions</c> table: every change staff made to draft minutes.</summary>
internal sealed class MinutesRevisionConfiguration : IEntityTypeConfiguration<MinutesRevision>
{
    public void Configure(EntityTypeBuilder<MinutesRevision> e)
    {
        e.ToTable("minutes_revisions");
        e.HasKey(x => x.Id);
        e.Property(x => x.Section).HasMaxLength(200);
        e.Property(x => x.ByName).HasMaxLength(100);
        e.HasIndex(x => x.DraftId);
    }
}
