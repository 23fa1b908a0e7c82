using Deliberation.Civic.Responses;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Deliberation.Persistence.Configurations;

/// <summary>
/// The <c>timed_responses</c> table: matters to respond to within a deadline, with when they were reported and handled
/// (the monthly response rate reads them per community and month of reporting).
/// </summary>
internal sealed class TimedResponseConfiguration : IEntityTypeConfiguration<TimedResponse>
{
    public void Configure(EntityTypeBuilder<TimedResponse> e)
    {
        e.ToTable("timed_responses");
        e.HasKey(x => x.Id);
        e.Property(x => x.Subject).HasMaxLength(TimedResponse.MaxSubject);
        e.Property(x => x.Description).HasMaxLength(TimedResponse.MaxDescription);
        e.Property(x => x.DeadlineClass).HasMaxLength(20);
        e.Property(x => x.Ladder).HasMaxLength(TimedResponse.MaxLadder);
        e.Property(x => x.Status).HasMaxLength(20);
        e.HasIndex(x => new { x.CommunityId, x.ReportedAt });
    }
}
