using Deliberation.Civic.Implementation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Deliberation.Persistence.Configurations;

/// <summary>The <c>action_item_progress</c> table: progress reports, oldest first per item.</summary>
internal sealed class ActionItemProgressConfiguration : IEntityTypeConfiguration<ActionItemProgress>
{
    public void Configure(EntityTypeBuilder<ActionItemProgress> e)
    {
        e.ToTable("action_item_progress");
        e.HasKey(x => x.Id);
        e.Property(x => x.Note).HasMaxLength(Civic.Participation.TaskForm.MaxCommentLength);
        e.Property(x => x.PhotoContentType).HasMaxLength(40);
        e.Property(x => x.Channel).HasMaxLength(20);
        e.HasIndex(x => new { x.ActionItemId, x.At });
    }
}
