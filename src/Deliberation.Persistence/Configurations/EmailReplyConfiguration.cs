using Deliberation.Civic.Replies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Deliberation.Persistence.Configurations;

/// <summary>The <c>email_replies</c> table: each reply read from the mailbox once, by its Message-ID.</summary>
internal sealed class EmailReplyConfiguration : IEntityTypeConfiguration<EmailReply>
{
    public void Configure(EntityTypeBuilder<EmailReply> e)
    {
        e.ToTable("email_replies");
        e.HasKey(x => x.MessageId);
        e.Property(x => x.MessageId).HasMaxLength(IncomingReply.MaxMessageIdLength);
        e.Property(x => x.Outcome).HasMaxLength(20);
        e.HasIndex(x => x.TaskId);
    }
}
