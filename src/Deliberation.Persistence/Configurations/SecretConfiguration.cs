using Deliberation.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Deliberation.Persistence.Configurations;

/// <summary>The <c>secrets</c> table: the name is the key, so two hosts that insert the same secret at once cannot both win.</summary>
internal sealed class SecretConfiguration : IEntityTypeConfiguration<SecretRow>
{
    public void Configure(EntityTypeBuilder<SecretRow> e)
    {
        e.ToTable("secrets");
        e.HasKey(x => x.Name);
        e.Property(x => x.Name).HasMaxLength(SecretRow.MaxName);
        e.Property(x => x.Value).HasMaxLength(SecretRow.MaxValue);
    }
}
