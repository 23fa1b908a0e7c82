using Deliberation.Civic.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Deliberation.Persistence.Configurations;

/// <summary>The <c>organisation_contacts</c> table: an organisation's contacts in order (the store removes them with it).</summary>
internal sealed class OrganisationContactConfiguration : IEntityTypeConfiguration<OrganisationContact>
{
    public void Configure(EntityTypeBuilder<OrganisationContact> e)
    {
        e.ToTable("organisation_contacts");
        e.HasKey(x => x.Id);
        e.Property(x => x.Name).HasMaxLength(OrganisationContact.MaxName);
        e.Property(x => x.Role).HasMaxLength(OrganisationContact.MaxRole);
        e.Property(x => x.Email).HasMaxLength(254);
        e.Property(x => x.Phone).HasMaxLength(40);
        e.HasIndex(x => x.OrganisationId);
        e.HasIndex(x => x.PersonId);
    }
}
