using Deliberation.Civic.Implementation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Deliberation.Persistence.Configurations;

/// <summary>The <c>action_item_assignments</c> table: one per assigned action item, with its progress task.</summary>
internal sealed class ActionItemAssignmentConfiguration : IEntityTypeConfiguration<ActionItemAssignment>
{
    public void Configure(EntityTypeBuilder<ActionItemAssignment> e)
    {
        e.ToTable("action_item_assignments");
        e.HasKey(x => x.ActionItemId);
        e.HasIndex(x => x.TaskId).IsUnique();
    }
}
