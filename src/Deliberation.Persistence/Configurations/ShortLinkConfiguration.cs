using Deliberation.Civic.ShortLinks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Deliberation.Persistence.Configurations;

/// <summary>The <c>short_links</c> table: found by code, one per target, a task's by task and link version.</summary>
internal sealed class ShortLinkConfiguration : IEntityTypeConfiguration<ShortLink>
{
    public void Configure(EntityTypeBuilder<ShortLink> e)
    {
        e.ToTable("short_links");
        e.HasKey(x => x.Code);
        e.Property(x => x.Code).HasMaxLength(ShortCodes.Length);
        e.Property(x => x.Target).HasMaxLength(ShortLink.MaxTarget);
        e.Property(x => x.Kind).HasMaxLength(20);
        e.HasIndex(x => x.Target).IsUnique();
        e.HasIndex(x => new { x.TaskId, x.LinkVersion });
    }
}
