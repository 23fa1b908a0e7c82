using Deliberation.Civic.Needs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Deliberation.Persistence.Configurations;

/// <summary>
/// The <c>needs</c> table: the community's needs list, listed per community by status. A complaint feeds one need at most.
/// Claims are decided on this row: a claim changes it only while its status is still <c>published</c>.
/// </summary>
internal sealed class NeedConfiguration : IEntityTypeConfiguration<Need>
{
    public void Configure(EntityTypeBuilder<Need> e)
    {
        e.ToTable("needs");
        e.HasKey(x => x.Id);
        e.Property(x => x.Title).HasMaxLength(Need.MaxTitle);
        e.Property(x => x.Description).HasMaxLength(Need.MaxDescription);
        e.Property(x => x.Kind).HasMaxLength(20);
        e.Property(x => x.Source).HasMaxLength(20);
        e.Property(x => x.Status).HasMaxLength(20);
        e.Property(x => x.ClaimantName).HasMaxLength(Need.MaxClaimantName);
        e.Property(x => x.ProgressNote).HasMaxLength(Need.MaxNote);
        e.Property(x => x.ConfirmationComment).HasMaxLength(Need.MaxNote);
        e.HasIndex(x => new { x.CommunityId, x.Status });
        e.HasIndex(x => x.ComplaintId).IsUnique();
    }
}
