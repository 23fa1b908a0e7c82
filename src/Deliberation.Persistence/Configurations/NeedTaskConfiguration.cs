using Deliberation.Civic.Needs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Deliberation.Persistence.Configurations;

/// <summary>The <c>need_tasks</c> table: the claim, progress and confirmation tasks of each need, found by need and by task.</summary>
internal sealed class NeedTaskConfiguration : IEntityTypeConfiguration<NeedTask>
{
    public void Configure(EntityTypeBuilder<NeedTask> e)
    {
        e.ToTable("need_tasks");
        e.HasKey(x => x.Id);
        e.Property(x => x.Purpose).HasMaxLength(40);
        e.Property(x => x.Name).HasMaxLength(Need.MaxClaimantName);
        e.HasIndex(x => x.NeedId);
        e.HasIndex(x => x.TaskId).IsUnique();
    }
}
