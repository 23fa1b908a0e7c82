using Deliberation.Civic.Escalations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Deliberation.Persistence.Configurations;

/// <summary>The <c>escalations</c> table; open ones are listed per community, newest first.</summary>
internal sealed class EscalationConfiguration : IEntityTypeConfiguration<Escalation>
{
    public void Configure(EntityTypeBuilder<Escalation> e)
    {
        e.ToTable("escalations");
        e.HasKey(x => x.Id);
        e.Property(x => x.Kind).HasMaxLength(EscalationKinds.MaxLength);
        e.Property(x => x.Subject).HasMaxLength(EscalationRules.MaxSubjectLength);
        e.Property(x => x.Body).HasMaxLength(EscalationRules.MaxBodyLength);
        e.HasIndex(x => new { x.CommunityId, x.AcknowledgedAt, x.RaisedAt });
        e.HasIndex(x => new { x.Kind, x.RelatedId });
        e.HasIndex(x => x.CaseId);
    }
}
