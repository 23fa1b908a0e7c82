using Deliberation.Civic.Minutes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Deliberation.Persistence.Configurations;

/// <summary>The <c>minutes_objections</c> table: objections to sections of draft minutes and staff's answers.</summary>
internal sealed class MinutesObjectionConfiguration : IEntityTypeConfiguration<MinutesObjection>
{
    public void Configure(EntityTypeBuilder<MinutesObjection> e)
    {
        e.ToTable("minutes_objections");
        e.HasKey(x => x.Id);
        e.Property(x => x.Section).HasMaxLength(200);
        e.Property(x => x.Reason).HasMaxLength(MinutesObjection.MaxText);
        e.Property(x => x.Status).HasMaxLength(20);
        e.Property(x => x.Response).HasMaxLength(MinutesObjection.MaxText);
        e.Property(x => x.ResolvedByName).HasMaxLength(100);
        e.HasIndex(x => x.DraftId);
        e.HasIndex(x => x.AnswerId).IsUnique();
    }
}
