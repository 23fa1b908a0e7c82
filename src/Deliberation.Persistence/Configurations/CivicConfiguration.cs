using Deliberation.Civic.Communities;
using Deliberation.Civic.Elections;
using Deliberation.Civic.Issues;
using Deliberation.Civic.Participation;
using Deliberation.Persistence.Identity;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Persistence.Configurations;

/// <summary>Tables of the deliberation domain: the community hierarchy, the roster, tasks and answers, staff scopes.</summary>
internal static class CivicConfiguration
{
    public static void Apply(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Community>(e =>
        {
            e.ToTable("communities");
            e.HasKey(c => c.Id);
            e.Property(c => c.Code).HasMaxLength(40);
            e.Property(c => c.Name).HasMaxLength(200);
            e.Property(c => c.EscalationEmails).HasMaxLength(1000);
            e.Property(c => c.PartyKinds).HasMaxLength(500).HasDefaultValue("");
            e.HasIndex(c => c.Code).IsUnique();
        });
        modelBuilder.Entity<Precinct>(e =>
        {
            e.ToTable("precincts");
            e.HasKey(p => p.Id);
            e.Property(p => p.Name).HasMaxLength(200);
            e.HasIndex(p => new { p.CommunityId, p.Name }).IsUnique();
        });
        modelBuilder.Entity<BuildingGroup>(e =>
        {
            e.ToTable("building_groups");
            e.HasKey(b => b.Id);
            e.Property(b => b.Name).HasMaxLength(200);
            e.Property(b => b.Compound).HasMaxLength(100).HasDefaultValue("");
            // Unique per compound: two compounds of one community may each have a 1栋.
            e.HasIndex(b => new { b.CommunityId, b.Compound, b.Name }).IsUnique();
            e.HasIndex(b => b.PrecinctId);
        });
        modelBuilder.Entity<Household>(e =>
        {
            e.ToTable("households");
            e.HasKey(h => h.Id);
            e.Property(h => h.Unit).HasMaxLength(100);
            e.Property(h => h.Entrance).HasMaxLength(40).HasDefaultValue("");
            e.Property(h => h.FloorArea).HasPrecision(10, 2);
            // 1单元101 and 2单元101 are two homes of one building.
            e.HasIndex(h => new { h.BuildingGroupId, h.Entrance, h.Unit }).IsUnique();
            e.HasIndex(h => h.CommunityId);
        });
        modelBuilder.Entity<Person>(e =>
        {
            e.ToTable("people");
            e.HasKey(p => p.Id);
            e.Property(p => p.Name).HasMaxLength(100);
            e.Property(p => p.Email).HasMaxLength(254);
            e.Property(p => p.Phone).HasMaxLength(40);
            e.HasIndex(p => p.CommunityId);
            e.HasIndex(p => p.HouseholdId);
            e.HasIndex(p => p.BuildingGroupId);
        });
        modelBuilder.Entity<ParticipationTask>(e =>
        {
            e.ToTable("tasks");
            e.HasKey(t => t.Id);
            e.Property(t => t.Purpose).HasMaxLength(40);
            e.Property(t => t.SignalName).HasMaxLength(300);
            e.Property(t => t.Title).HasMaxLength(500);
            e.HasIndex(t => t.PersonId);
            e.HasIndex(t => t.InstanceId);
            e.HasIndex(t => new { t.CommunityId, t.ClosedAt });
            e.HasIndex(t => t.MeetingId);
            e.HasIndex(t => t.VoteId);
        });
        modelBuilder.Entity<TaskAnswer>(e =>
        {
            e.ToTable("task_answers");
            e.HasKey(a => a.Id);
            e.Property(a => a.Channel).HasMaxLength(20);
            e.Property(a => a.PhotoContentType).HasMaxLength(40);
            e.Property(a => a.PhotoSha256).HasMaxLength(64);
            e.HasIndex(a => new { a.TaskId, a.IsCurrent });
        });
        modelBuilder.Entity<Complaint>(e =>
        {
            e.ToTable("complaints");
            e.HasKey(c => c.Id);
            e.Property(c => c.CategoryCode).HasMaxLength(40);
            e.Property(c => c.Title).HasMaxLength(200);
            e.Property(c => c.Description).HasMaxLength(4000);
            e.Property(c => c.Status).HasMaxLength(20);
            e.Property(c => c.CaseNumber).HasMaxLength(60);
            e.Property(c => c.ElderlyPercent).HasPrecision(5, 2);
            e.HasIndex(c => new { c.CommunityId, c.Status });
            e.HasIndex(c => c.CaseNumber).IsUnique();
        });
        modelBuilder.Entity<ComplaintScope>(e =>
        {
            e.ToTable("complaint_scopes");
            e.Property<long>("Id").ValueGeneratedOnAdd();
            e.HasKey("Id");
            e.HasIndex(s => s.ComplaintId);
        });
        modelBuilder.Entity<ComplaintReporter>(e =>
        {
            e.ToTable("complaint_reporters");
            e.Property<long>("Id").ValueGeneratedOnAdd();
            e.HasKey("Id");
            e.HasIndex(r => r.ComplaintId);
        });
        modelBuilder.Entity<ComplaintPhoto>(e =>
        {
            e.ToTable("complaint_photos");
            e.HasKey(p => p.Id);
            e.Property(p => p.ContentType).HasMaxLength(40);
            e.Property(p => p.Sha256).HasMaxLength(64);
            e.HasIndex(p => p.ComplaintId);
        });
        modelBuilder.Entity<ComplaintEvent>(e =>
        {
            e.ToTable("complaint_events");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasMaxLength(20);
            e.Property(x => x.Note).HasMaxLength(1000);
            e.HasIndex(x => x.ComplaintId);
        });
        ApplyElections(modelBuilder);
        modelBuilder.Entity<StaffCommunity>(e =>
        {
            e.ToTable("staff_communities");
            e.HasKey(s => new { s.UserId, s.CommunityId });
        });
    }

    /// <summary>Step 2, identifying stakeholders: cases, affected groups, elections with their candidates and ballots, the panel.</summary>
    private static void ApplyElections(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DeliberationCase>(e =>
        {
            e.ToTable("deliberation_cases");
            e.HasKey(c => c.Id);
            e.Property(c => c.CaseNumber).HasMaxLength(60);
            e.Property(c => c.Title).HasMaxLength(200);
            e.Property(c => c.StakeholderMode).HasMaxLength(20).HasDefaultValue(StakeholderModes.Elected);
            e.HasIndex(c => new { c.CommunityId, c.CreatedAt });
            e.HasIndex(c => c.ComplaintId);
        });
        modelBuilder.Entity<AffectedGroup>(e =>
        {
            e.ToTable("affected_groups");
            e.HasKey(g => g.Id);
            e.Property(g => g.Name).HasMaxLength(200);
            e.Property(g => g.Kind).HasMaxLength(20);
            e.Property(g => g.Mode).HasMaxLength(20);
            e.HasIndex(g => g.CaseId);
        });
        modelBuilder.Entity<AffectedHousehold>(e =>
        {
            e.ToTable("affected_households");
            e.HasKey(h => new { h.GroupId, h.HouseholdId });
            e.Property(h => h.Entrance).HasMaxLength(40).HasDefaultValue("");
            e.HasIndex(h => new { h.GroupId, h.BuildingGroupId });
        });
        modelBuilder.Entity<Election>(e =>
        {
            e.ToTable("elections");
            e.HasKey(x => x.Id);
            e.Property(x => x.CountingMethod).HasMaxLength(20);
            e.Property(x => x.TieRule).HasMaxLength(20);
            e.Property(x => x.Status).HasMaxLength(20);
            e.Property(x => x.LotsSeed).HasMaxLength(64);
            e.Property(x => x.Entrance).HasMaxLength(40);
            e.Property(x => x.TieDecisionReason).HasMaxLength(1000);
            // Seconds: one integer on both providers (SQLite has no interval type).
            e.Property(x => x.ReminderBefore).HasConversion(v => (long)v.TotalSeconds, v => TimeSpan.FromSeconds(v));
            e.HasIndex(x => new { x.GroupId, x.Layer });
            e.HasIndex(x => x.CaseId);
        });
        modelBuilder.Entity<Candidate>(e =>
        {
            e.ToTable("election_candidates");
            e.HasKey(c => c.Id);
            e.Property(c => c.NominationKind).HasMaxLength(20);
            e.HasIndex(c => new { c.ElectionId, c.PersonId }).IsUnique();
        });
        modelBuilder.Entity<ElectionBallot>(e =>
        {
            e.ToTable("election_ballots");
            e.HasKey(b => b.TaskId);
            e.HasIndex(b => new { b.ElectionId, b.PersonId }).IsUnique();
        });
        modelBuilder.Entity<NominationInvitation>(e =>
        {
            e.ToTable("election_nomination_invitations");
            e.HasKey(n => n.TaskId);
            e.HasIndex(n => new { n.ElectionId, n.PersonId }).IsUnique();
        });
        modelBuilder.Entity<PanelMember>(e =>
        {
            e.ToTable("panel_members");
            e.HasKey(m => m.Id);
            e.Property(m => m.Role).HasMaxLength(20);
            e.Property(m => m.PartyKind).HasMaxLength(40);
            e.Property(m => m.Source).HasMaxLength(20);
            e.Property(m => m.LeftReason).HasMaxLength(1000);
            e.Property(m => m.OrganisationName).HasMaxLength(Civic.Organisations.Organisation.MaxName);
            e.HasIndex(m => m.CaseId);
            e.HasIndex(m => m.ElectionId);
            e.HasIndex(m => m.OrganisationId);
        });
    }
}
