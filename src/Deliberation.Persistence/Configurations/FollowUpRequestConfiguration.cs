using Deliberation.Civic.Implementation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Deliberation.Persistence.Configurations;

/// <summary>The <c>follow_up_requests</c> table: the follow-up (回访) tasks of a case.</summary>
internal sealed class FollowUpRequestConfiguration : IEntityTypeConfiguration<FollowUpRequest>
{
    public void Configure(EntityTypeBuilder<FollowUpRequest> e)
    {
        e.ToTable("follow_up_requests");
        e.HasKey(x => x.TaskId);
        e.HasIndex(x => new { x.CaseId, x.PersonId }).IsUnique();
    }
}
