using Deliberation.Civic.Minutes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Deliberation.Persistence.Configurations;

/// <summary>The <c>minutes_drafts</c> table: minutes while participants confirm them, and the sealed PDF's record.</summary>
internal sealed class MinutesDraftConfiguration : IEntityTypeConfiguration<MinutesDraft>
{
    public void Configure(EntityTypeBuilder<MinutesDraft> e)
    {
        e.ToTable("minutes_drafts");
        e.HasKey(x => x.Id);
        e.Property(x => x.Status).HasMaxLength(20);
        e.Property(x => x.SealedBecause).HasMaxLength(20);
        e.Property(x => x.PdfPath).HasMaxLength(500);
        e.Property(x => x.PdfSha256).HasMaxLength(64);
        e.Property(x => x.VerificationCode).HasMaxLength(40);
        e.HasIndex(x => x.MeetingId).IsUnique();
        e.HasIndex(x => x.CaseId);
        e.HasIndex(x => x.VerificationCode).IsUnique();
    }
}
