using Deliberation.Civic.Implementation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Deliberation.Persistence.Configurations;

/// <summary>The <c>action_items</c> table (step 5). No foreign key to meetings: they are built elsewhere.</summary>
internal sealed class ActionItemConfiguration : IEntityTypeConfiguration<ActionItem>
{
    public void Configure(EntityTypeBuilder<ActionItem> e)
    {
        e.ToTable("action_items");
        e.HasKey(x => x.Id);
        e.Property(x => x.Title).HasMaxLength(ActionItemValidator.MaxTitleLength);
        e.Property(x => x.ResponsibleParty).HasMaxLength(ActionItemValidator.MaxPartyLength);
        e.Property(x => x.FundingSource).HasMaxLength(ActionItemValidator.MaxFundingSourceLength);
        e.Property(x => x.Budget).HasPrecision(12, 2);
        e.Property(x => x.Status).HasMaxLength(20);
        e.HasIndex(x => x.CaseId);
        e.HasIndex(x => x.MeetingId);
        e.HasIndex(x => x.OrganisationId);
        e.HasIndex(x => new { x.CommunityId, x.Status });
    }
}

/// <summary>The <c>action_item_funding</c> table: each action item's budget by source.</summary>
internal sealed class FundingShareConfiguration : IEntityTypeConfiguration<FundingShare>
{
    public void Configure(EntityTypeBuilder<FundingShare> e)
    {
        e.ToTable("action_item_funding");
        e.HasKey(x => x.Id);
        e.Property(x => x.Source).HasMaxLength(40);
        e.Property(x => x.Detail).HasMaxLength(ActionItemValidator.MaxFundingDetailLength);
        e.Property(x => x.Amount).HasPrecision(12, 2);
        e.HasIndex(x => new { x.ActionItemId, x.Position }).IsUnique();
    }
}
