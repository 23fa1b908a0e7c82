using Deliberation.Civic.Issues;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Deliberation.Persistence.Configurations;

/// <summary>The <c>community_matters</c> table: each community's own catalogue, read in order; a code once per community.</summary>
internal sealed class CommunityMatterConfiguration : IEntityTypeConfiguration<CommunityMatter>
{
    public void Configure(EntityTypeBuilder<CommunityMatter> e)
    {
        e.ToTable("community_matters");
        e.HasKey(x => x.Id);
        e.Property(x => x.Code).HasMaxLength(MattersCatalogue.MaxCodeLength);
        e.Property(x => x.Zh).HasMaxLength(MattersCatalogue.MaxNameLength);
        e.Property(x => x.En).HasMaxLength(MattersCatalogue.MaxNameLength);
        e.Property(x => x.DefinitionId).HasMaxLength(MattersCatalogue.MaxDefinitionIdLength);
        e.Property(x => x.Advisors).HasMaxLength(200);
        e.Property(x => x.RulesTemplate).HasMaxLength(60);
        e.HasIndex(x => new { x.CommunityId, x.Code }).IsUnique();
    }
}
