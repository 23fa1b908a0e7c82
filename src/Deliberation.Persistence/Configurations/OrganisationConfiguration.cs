using Deliberation.Civic.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Deliberation.Persistence.Configurations;

/// <summary>The <c>organisations</c> table: the community's directory, listed per community by name; a name once per community.</summary>
internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> e)
    {
        e.ToTable("organisations");
        e.HasKey(x => x.Id);
        e.Property(x => x.Name).HasMaxLength(Organisation.MaxName);
        e.Property(x => x.Kind).HasMaxLength(Organisation.MaxKind);
        e.Property(x => x.Notes).HasMaxLength(Organisation.MaxNotes);
        e.HasIndex(x => new { x.CommunityId, x.Name }).IsUnique();
    }
}
