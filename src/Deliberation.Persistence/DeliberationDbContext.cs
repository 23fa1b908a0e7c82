using System.Text;
using Deliberation.Civic.Communities;
using Deliberation.Civic.Elections;
using Deliberation.Civic.Meetings;
using Deliberation.Civic.Minutes;
using Deliberation.Civic.Escalations;
using Deliberation.Civic.Implementation;
using Deliberation.Civic.Issues;
using Deliberation.Civic.Participation;
using Deliberation.Persistence.Configurations;
using Deliberation.Persistence.Entities;
using Deliberation.Persistence.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Deliberation.Persistence;

/// <summary>
/// The one EF Core model. Times are stored as Unix milliseconds on every provider so that the raw
/// SQL of the hot path compares integers; tables and columns are snake_case.
/// </summary>
public abstract class DeliberationDbContext(DbContextOptions options)
    : IdentityDbContext<StaffUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
#pragma warning disable CS1591
    public DbSet<DefinitionRow> Definitions => Set<DefinitionRow>();
    public DbSet<InstanceRow> Instances => Set<InstanceRow>();
    public DbSet<TimerRow> Timers => Set<TimerRow>();
    public DbSet<JournalStepRow> Journal => Set<JournalStepRow>();
    public DbSet<OutboxRow> Outbox => Set<OutboxRow>();
    public DbSet<IncidentRow> Incidents => Set<IncidentRow>();
    public DbSet<IdempotencyRow> Idempotency => Set<IdempotencyRow>();
    public DbSet<SignalRow> Signals => Set<SignalRow>();
    public DbSet<Community> Communities => Set<Community>();
    public DbSet<Precinct> Precincts => Set<Precinct>();
    public DbSet<BuildingGroup> BuildingGroups => Set<BuildingGroup>();
    public DbSet<Household> Households => Set<Household>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<ParticipationTask> Tasks => Set<ParticipationTask>();
    public DbSet<TaskAnswer> TaskAnswers => Set<TaskAnswer>();
    public DbSet<StaffCommunity> StaffCommunities => Set<StaffCommunity>();
    public DbSet<Complaint> Complaints => Set<Complaint>();
    public DbSet<ComplaintScope> ComplaintScopes => Set<ComplaintScope>();
    public DbSet<ComplaintReporter> ComplaintReporters => Set<ComplaintReporter>();
    public DbSet<ComplaintPhoto> ComplaintPhotos => Set<ComplaintPhoto>();
    public DbSet<ComplaintEvent> ComplaintEvents => Set<ComplaintEvent>();
    public DbSet<DeliberationCase> Cases => Set<DeliberationCase>();
    public DbSet<AffectedGroup> AffectedGroups => Set<AffectedGroup>();
    public DbSet<AffectedHousehold> AffectedHouseholds => Set<AffectedHousehold>();
    public DbSet<Election> Elections => Set<Election>();
    public DbSet<Candidate> Candidates => Set<Candidate>();
    public DbSet<ElectionBallot> ElectionBallots => Set<ElectionBallot>();
    public DbSet<NominationInvitation> NominationInvitations => Set<NominationInvitation>();
    public DbSet<PanelMember> PanelMembers => Set<PanelMember>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<MeetingAttendance> MeetingAttendance => Set<MeetingAttendance>();
    public DbSet<Proposal> Proposals => Set<Proposal>();
    public DbSet<MeetingPoint> MeetingPoints => Set<MeetingPoint>();
    public DbSet<MeetingResolution> MeetingResolutions => Set<MeetingResolution>();
    public DbSet<MeetingVote> MeetingVotes => Set<MeetingVote>();
    public DbSet<VoteBallot> VoteBallots => Set<VoteBallot>();
    public DbSet<MinutesRecord> Minutes => Set<MinutesRecord>();
    public DbSet<MinutesDraft> MinutesDrafts => Set<MinutesDraft>();
    public DbSet<MinutesObjection> MinutesObjections => Set<MinutesObjection>();
    public DbSet<MinutesRevision> MinutesRevisions => Set<MinutesRevision>();
    public DbSet<ActionItem> ActionItems => Set<ActionItem>();

    /// <summary>Action items' funding by source.</summary>
    public DbSet<FundingShare> FundingShares => Set<FundingShare>();
    public DbSet<ActionItemProgress> ActionItemProgress => Set<ActionItemProgress>();
    public DbSet<ActionItemAssignment> ActionItemAssignments => Set<ActionItemAssignment>();
    public DbSet<FollowUpRequest> FollowUpRequests => Set<FollowUpRequest>();
    public DbSet<Escalation> Escalations => Set<Escalation>();
    public DbSet<Civic.Communities.StaffNotice> StaffNotices => Set<Civic.Communities.StaffNotice>();
    public DbSet<Civic.Organisations.Organisation> Organisations => Set<Civic.Organisations.Organisation>();
    public DbSet<Civic.Organisations.OrganisationContact> OrganisationContacts => Set<Civic.Organisations.OrganisationContact>();
    public DbSet<Civic.Responses.TimedResponse> TimedResponses => Set<Civic.Responses.TimedResponse>();
    public DbSet<Civic.Responses.TimedResponseTask> TimedResponseTasks => Set<Civic.Responses.TimedResponseTask>();
    public DbSet<Civic.Needs.Need> Needs => Set<Civic.Needs.Need>();
    public DbSet<Civic.Needs.NeedTask> NeedTasks => Set<Civic.Needs.NeedTask>();
    public DbSet<Civic.Issues.CommunityMatter> CommunityMatters => Set<Civic.Issues.CommunityMatter>();
    public DbSet<Civic.Replies.EmailReply> EmailReplies => Set<Civic.Replies.EmailReply>();

    /// <summary>Public notices (公示) as posted on the wall.</summary>
    public DbSet<Civic.Notices.PostedNotice> PostedNotices => Set<Civic.Notices.PostedNotice>();

    /// <summary>Comments and objections left on the notices' public pages.</summary>
    public DbSet<Civic.Notices.NoticeComment> NoticeComments => Set<Civic.Notices.NoticeComment>();

    /// <summary>Short links (<c>/s/{code}</c>) of the signed links.</summary>
    public DbSet<Civic.ShortLinks.ShortLink> ShortLinks => Set<Civic.ShortLinks.ShortLink>();
#pragma warning restore CS1591

    /// <summary>Secrets every host on the database shares (the link-signing key).</summary>
    public DbSet<SecretRow> Secrets => Set<SecretRow>();

    /// <summary>Wrong passwords within the sign-in throttle's window, shared by every host.</summary>
    public DbSet<SignInFailureRow> SignInFailures => Set<SignInFailureRow>();

    /// <summary>Data Protection's key ring, shared by every host on the database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    private static readonly ValueConverter<DateTimeOffset, long> Millis =
        new(v => v.ToUnixTimeMilliseconds(), v => DateTimeOffset.FromUnixTimeMilliseconds(v));

    /// <inheritdoc/>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<MillisConverter>();
    }

    /// <inheritdoc/>
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<StaffUser>().ToTable("users");
        builder.Entity<IdentityRole<Guid>>().ToTable("roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");
        CivicConfiguration.Apply(builder);
        MeetingsConfiguration.Apply(builder);
        builder.ApplyConfiguration(new ActionItemConfiguration());
        builder.ApplyConfiguration(new FundingShareConfiguration());
        builder.ApplyConfiguration(new ActionItemProgressConfiguration());
        builder.ApplyConfiguration(new ActionItemAssignmentConfiguration());
        builder.ApplyConfiguration(new FollowUpRequestConfiguration());
        builder.ApplyConfiguration(new MinutesDraftConfiguration());
        builder.ApplyConfiguration(new MinutesObjectionConfiguration());
        builder.ApplyConfiguration(new MinutesRevisionConfiguration());
        builder.ApplyConfiguration(new EscalationConfiguration());
        builder.ApplyConfiguration(new StaffNoticeConfiguration());
        builder.ApplyConfiguration(new OrganisationConfiguration());
        builder.ApplyConfiguration(new OrganisationContactConfiguration());
        builder.ApplyConfiguration(new TimedResponseConfiguration());
        builder.ApplyConfiguration(new TimedResponseTaskConfiguration());
        builder.ApplyConfiguration(new NeedConfiguration());
        builder.ApplyConfiguration(new NeedTaskConfiguration());
        builder.ApplyConfiguration(new CommunityMatterConfiguration());
        builder.ApplyConfiguration(new EmailReplyConfiguration());
        builder.ApplyConfiguration(new PostedNoticeConfiguration());
        builder.ApplyConfiguration(new NoticeCommentConfiguration());
        builder.ApplyConfiguration(new ShortLinkConfiguration());
        builder.ApplyConfiguration(new SecretConfiguration());
        builder.ApplyConfiguration(new SignInFailureConfiguration());
        builder.ApplyConfiguration(new DataProtectionKeyConfiguration());
        builder.Entity<DefinitionRow>(e =>
        {
            e.ToTable("definitions");
            e.HasKey(d => new { d.DefinitionId, d.Version });
            e.Property(d => d.DefinitionId).HasMaxLength(100);
            e.Property(d => d.Source).HasMaxLength(300);
            e.Property(d => d.Hash).HasMaxLength(64);
            e.HasIndex(d => d.Source);
            e.HasIndex(d => d.OwnerCommunityId);
        });
        builder.Entity<InstanceRow>(e =>
        {
            e.ToTable("instances");
            e.HasKey(i => i.Id);
            e.Property(i => i.DefinitionId).HasMaxLength(100);
            e.Property(i => i.Status).HasMaxLength(20);
            e.Property(i => i.CorrelationId).HasMaxLength(200);
            e.HasIndex(i => i.CorrelationId);
            // No index holds the status: every step changes it, and each such index costs page writes on
            // the hot path. Lists filter the status within a community's instances (scope, newest first).
            e.HasIndex(i => new { i.ScopeId, i.CreatedAt });
            e.HasIndex(i => i.CreatedAt);
        });
        builder.Entity<TimerRow>(e =>
        {
            e.ToTable("timers");
            e.HasKey(t => t.BookmarkId);
            e.HasIndex(t => t.DueAt);
        });
        builder.Entity<JournalStepRow>(e =>
        {
            e.ToTable("journal");
            e.HasKey(j => j.Id);
            // Appended in key order with no other index: one step writes the table's last page and nothing else.
            // On SQLite the key is the rowid (no AUTOINCREMENT, whose sequence table would cost a page per step);
            // PostgreSQL makes it an identity column (see PostgresDeliberationDbContext).
            e.Property(j => j.Id).ValueGeneratedNever();
        });
        builder.Entity<OutboxRow>(e =>
        {
            e.ToTable("outbox");
            e.HasKey(o => o.Id);
            e.Property(o => o.Kind).HasMaxLength(40);
            e.HasIndex(o => new { o.SentAt, o.FailedAt, o.NextAttemptAt });
            e.HasIndex(o => o.InstanceId);
        });
        builder.Entity<IncidentRow>(e =>
        {
            e.ToTable("incidents");
            e.HasKey(i => i.Id);
            e.Property(i => i.ActivityId).HasMaxLength(100);
            e.Property(i => i.ExecutionId).HasMaxLength(40);
            e.Property(i => i.ErrorType).HasMaxLength(200);
            e.Property(i => i.Resolution).HasMaxLength(40);
            e.Property(i => i.Code).HasMaxLength(100);
            e.HasIndex(i => new { i.ResolvedAt, i.CreatedAt });
            e.HasIndex(i => i.InstanceId);
        });
        builder.Entity<SignalRow>(e =>
        {
            e.ToTable("signals");
            e.HasKey(q => q.Seq);
            e.Property(q => q.Seq).ValueGeneratedOnAdd();
            e.HasIndex(q => q.Id).IsUnique();
            e.Property(q => q.Name).HasMaxLength(200);
            e.Property(q => q.Correlation).HasMaxLength(200);
            e.Property(q => q.IdempotencyKey).HasMaxLength(300);
            // NULL keys are distinct on both providers: only keyed signals are deduplicated.
            e.HasIndex(q => q.IdempotencyKey).IsUnique();
            // Only the queued ones are ever looked up; delivered rows stay as the instance's record.
            e.HasIndex(q => new { q.InstanceId, q.Seq }).HasFilter("delivered_at IS NULL AND dropped_at IS NULL");
        });
        builder.Entity<IdempotencyRow>(e =>
        {
            e.ToTable("idempotency");
            e.HasKey(i => i.Key);
            e.Property(i => i.Key).HasMaxLength(300);
            e.Property(i => i.RequestHash).HasMaxLength(64);
            e.HasIndex(i => i.CreatedAt);
        });

        foreach (var entity in builder.Model.GetEntityTypes())
            foreach (var property in entity.GetProperties())
                property.SetColumnName(SnakeCase(property.Name));
    }

    private static string SnakeCase(string name)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) sb.Append('_');
            sb.Append(char.ToLowerInvariant(name[i]));
        }
        return sb.ToString();
    }

    private sealed class MillisConverter() : ValueConverter<DateTimeOffset, long>(Millis.ConvertToProviderExpression, Millis.ConvertFromProviderExpression);
}
