using Deliberation.Civic.Responses;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Deliberation.Persistence.Configurations;

/// <summary>The <c>timed_response_tasks</c> table: the tasks sent for a matter, level by level.</summary>
internal sealed class TimedResponseTaskConfiguration : IEntityTypeConfiguration<TimedResponseTask>
{
    public void Configure(EntityTypeBuilder<TimedResponseTask> e)
    {
        e.ToTable("timed_response_tasks");
        e.HasKey(x => x.TaskId);
        e.HasIndex(x => new { x.ResponseId, x.Level });
    }
}
