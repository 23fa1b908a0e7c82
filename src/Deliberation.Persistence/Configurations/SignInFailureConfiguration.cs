using Deliberation.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Deliberation.Persistence.Configurations;

/// <summary>The <c>sign_in_failures</c> table, read by address and account within the window, pruned by time.</summary>
internal sealed class SignInFailureConfiguration : IEntityTypeConfiguration<SignInFailureRow>
{
    public void Configure(EntityTypeBuilder<SignInFailureRow> e)
    {
        e.ToTable("sign_in_failures");
        e.HasKey(x => x.Id);
        e.Property(x => x.Address).HasMaxLength(SignInFailureRow.MaxAddress);
        e.Property(x => x.AccountHash).HasMaxLength(64);
        e.HasIndex(x => new { x.Address, x.AccountHash, x.At });
        e.HasIndex(x => x.At);
    }
}
