using Deliberation.Civic.Meetings;
using Deliberation.Civic.Minutes;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Persistence.Configurations;

/// <summary>Tables of steps 3–4: meetings, attendance, proposals, points, votes, resolutions and filed minutes.</summary>
internal static class MeetingsConfiguration
{
    public static void Apply(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Meeting>(e =>
        {
            e.ToTable("meetings");
            e.HasKey(m => m.Id);
            e.Property(m => m.Name).HasMaxLength(200);
            e.Property(m => m.Place).HasMaxLength(200);
            e.Property(m => m.Chair).HasMaxLength(100);
            e.Property(m => m.Recorder).HasMaxLength(100);
            e.Property(m => m.Status).HasMaxLength(20);
            e.Property(m => m.CancelReason).HasMaxLength(1000);
            e.HasIndex(m => new { m.CaseId, m.Round }).IsUnique();
            e.HasIndex(m => new { m.CommunityId, m.Status });
        });
        modelBuilder.Entity<MeetingAttendance>(e =>
        {
            e.ToTable("meeting_attendance");
            e.HasKey(a => new { a.MeetingId, a.PersonId });
        });
        modelBuilder.Entity<Proposal>(e =>
        {
            e.ToTable("proposals");
            e.HasKey(p => p.Id);
            e.Property(p => p.Title).HasMaxLength(200);
            e.Property(p => p.Body).HasMaxLength(4000);
            e.Property(p => p.Source).HasMaxLength(20);
            e.HasIndex(p => p.MeetingId);
            e.HasIndex(p => p.TaskId).IsUnique();
        });
        modelBuilder.Entity<MeetingPoint>(e =>
        {
            e.ToTable("meeting_points");
            e.HasKey(p => p.Id);
            e.Property(p => p.Text).HasMaxLength(2000);
            e.HasIndex(p => p.MeetingId);
        });
        modelBuilder.Entity<MeetingResolution>(e =>
        {
            e.ToTable("meeting_resolutions");
            e.HasKey(r => r.Id);
            e.Property(r => r.Text).HasMaxLength(2000);
            e.Property(r => r.Parties).HasDefaultValue("[]");
            e.HasIndex(r => r.MeetingId);
        });
        modelBuilder.Entity<MeetingVote>(e =>
        {
            e.ToTable("meeting_votes");
            e.HasKey(v => v.Id);
            e.Property(v => v.Question).HasMaxLength(500);
            e.Property(v => v.Status).HasMaxLength(20);
            e.HasIndex(v => v.MeetingId);
            e.HasIndex(v => v.CaseId);
        });
        modelBuilder.Entity<VoteBallot>(e =>
        {
            e.ToTable("vote_ballots");
            e.HasKey(b => new { b.VoteId, b.PersonId });
            e.Property(b => b.Choice).HasMaxLength(20);
            e.Property(b => b.Reason).HasMaxLength(2000);
            e.Property(b => b.Channel).HasMaxLength(20);
        });
        modelBuilder.Entity<MinutesRecord>(e =>
        {
            e.ToTable("minutes");
            e.HasKey(m => m.Id);
            e.Property(m => m.Culture).HasMaxLength(10);
            e.Property(m => m.MarkdownPath).HasMaxLength(500);
            e.Property(m => m.DocxPath).HasMaxLength(500);
            e.Property(m => m.MarkdownSha256).HasMaxLength(64);
            e.Property(m => m.DocxSha256).HasMaxLength(64);
            e.HasIndex(m => new { m.MeetingId, m.Culture }).IsUnique();
            e.HasIndex(m => m.CaseId);
        });
    }
}
