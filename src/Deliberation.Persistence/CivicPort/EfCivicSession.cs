using System.Data;
using System.Data.Common;
using System.Text.Json.Nodes;
using Deliberation.Civic.Communities;
using Deliberation.Civic.Data;
using Deliberation.Civic.Elections;
using Deliberation.Civic.Escalations;
using Deliberation.Civic.Implementation;
using Deliberation.Civic.Issues;
using Deliberation.Civic.Meetings;
using Deliberation.Civic.Minutes;
using Deliberation.Civic.Participation;
using Deliberation.Engine.Messaging;
using Deliberation.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Deliberation.Persistence.CivicPort;

/// <summary>An <see cref="ICivicSession"/> over one EF Core context; refusals of the database become <see cref="DataWriteException"/>.</summary>
internal sealed class EfCivicSession(DeliberationDbContext db) : ICivicSession
{
    private EfQueryProvider? _provider;

    private EfSet<T> Set<T>(DbSet<T> set) where T : class =>
        new(set, _provider ??= new EfQueryProvider(((IQueryable)set).Provider));

    public ICivicSet<Community> Communities => Set(db.Communities);
    public ICivicSet<Precinct> Precincts => Set(db.Precincts);
    public ICivicSet<BuildingGroup> BuildingGroups => Set(db.BuildingGroups);
    public ICivicSet<Household> Households => Set(db.Households);
    public ICivicSet<Person> People => Set(db.People);
    public ICivicSet<ParticipationTask> Tasks => Set(db.Tasks);
    public ICivicSet<TaskAnswer> TaskAnswers => Set(db.TaskAnswers);
    public ICivicSet<Complaint> Complaints => Set(db.Complaints);
    public ICivicSet<ComplaintScope> ComplaintScopes => Set(db.ComplaintScopes);
    public ICivicSet<ComplaintReporter> ComplaintReporters => Set(db.ComplaintReporters);
    public ICivicSet<ComplaintPhoto> ComplaintPhotos => Set(db.ComplaintPhotos);
    public ICivicSet<ComplaintEvent> ComplaintEvents => Set(db.ComplaintEvents);
    public ICivicSet<DeliberationCase> Cases => Set(db.Cases);
    public ICivicSet<AffectedGroup> AffectedGroups => Set(db.AffectedGroups);
    public ICivicSet<AffectedHousehold> AffectedHouseholds => Set(db.AffectedHouseholds);
    public ICivicSet<Election> Elections => Set(db.Elections);
    public ICivicSet<Candidate> Candidates => Set(db.Candidates);
    public ICivicSet<ElectionBallot> ElectionBallots => Set(db.ElectionBallots);
    public ICivicSet<NominationInvitation> NominationInvitations => Set(db.NominationInvitations);
    public ICivicSet<PanelMember> PanelMembers => Set(db.PanelMembers);
    public ICivicSet<Meeting> Meetings => Set(db.Meetings);
    public ICivicSet<MeetingAttendance> MeetingAttendance => Set(db.MeetingAttendance);
    public ICivicSet<Proposal> Proposals => Set(db.Proposals);
    public ICivicSet<MeetingPoint> MeetingPoints => Set(db.MeetingPoints);
    public ICivicSet<MeetingResolution> MeetingResolutions => Set(db.MeetingResolutions);
    public ICivicSet<MeetingVote> MeetingVotes => Set(db.MeetingVotes);
    public ICivicSet<VoteBallot> VoteBallots => Set(db.VoteBallots);
    public ICivicSet<MinutesRecord> Minutes => Set(db.Minutes);
    public ICivicSet<MinutesDraft> MinutesDrafts => Set(db.MinutesDrafts);
    public ICivicSet<MinutesObjection> MinutesObjections => Set(db.MinutesObjections);
    public ICivicSet<MinutesRevision> MinutesRevisions => Set(db.MinutesRevisions);
    public ICivicSet<ActionItem> ActionItems => Set(db.ActionItems);

    /// <inheritdoc/>
    public ICivicSet<FundingShare> FundingShares => Set(db.FundingShares);
    public ICivicSet<ActionItemProgress> ActionItemProgress => Set(db.ActionItemProgress);
    public ICivicSet<ActionItemAssignment> ActionItemAssignments => Set(db.ActionItemAssignments);
    public ICivicSet<FollowUpRequest> FollowUpRequests => Set(db.FollowUpRequests);
    public ICivicSet<Escalation> Escalations => Set(db.Escalations);
    public ICivicSet<Civic.Communities.StaffNotice> StaffNotices => Set(db.StaffNotices);
    public ICivicSet<Civic.Organisations.Organisation> Organisations => Set(db.Organisations);
    public ICivicSet<Civic.Organisations.OrganisationContact> OrganisationContacts => Set(db.OrganisationContacts);
    public ICivicSet<Civic.Responses.TimedResponse> TimedResponses => Set(db.TimedResponses);
    public ICivicSet<Civic.Responses.TimedResponseTask> TimedResponseTasks => Set(db.TimedResponseTasks);
    public ICivicSet<Civic.Needs.Need> Needs => Set(db.Needs);
    public ICivicSet<Civic.Needs.NeedTask> NeedTasks => Set(db.NeedTasks);
    public ICivicSet<CommunityMatter> CommunityMatters => Set(db.CommunityMatters);
    public ICivicSet<Civic.Replies.EmailReply> EmailReplies => Set(db.EmailReplies);
    public ICivicSet<Civic.Notices.PostedNotice> PostedNotices => Set(db.PostedNotices);
    public ICivicSet<Civic.Notices.NoticeComment> NoticeComments => Set(db.NoticeComments);
    public ICivicSet<Civic.ShortLinks.ShortLink> ShortLinks => Set(db.ShortLinks);

    public Task<int> SaveChangesAsync(CancellationToken cancellationToken = default) =>
        Refused.Translate(() => db.SaveChangesAsync(cancellationToken));

    public async Task<ICivicTransaction> BeginTransactionAsync(bool serializable, CancellationToken cancellationToken) =>
        new EfTransaction(serializable
            ? await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken)
            : await db.Database.BeginTransactionAsync(cancellationToken));

    public void QueueEmail(EmailMessage message, DateTimeOffset now, Guid? instanceId = null) =>
        db.Outbox.Add(Outbox.Email(message, now, instanceId));

    public void QueueSignal(Guid instanceId, string name, string? correlation, JsonObject payload, DateTimeOffset now) =>
        db.Signals.Add(new SignalRow
        {
            Id = Guid.CreateVersion7(now),
            InstanceId = instanceId,
            Name = name,
            Correlation = correlation,
            Payload = payload.ToJsonString(),
            CreatedAt = now,
        });

    public async Task LockInstanceAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("Lock an instance inside a transaction.");
        if (db is PostgresDeliberationDbContext)
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM instances WHERE id = {instanceId} FOR UPDATE", cancellationToken);
    }

    public Task<bool> InstanceExistsAsync(Guid instanceId, Guid? communityId, CancellationToken cancellationToken) =>
        EntityFrameworkQueryableExtensions.AnyAsync(db.Instances, i => i.Id == instanceId && (communityId == null || i.ScopeId == communityId), cancellationToken);

    public Task<List<StaffContact>> StaffAccountsAsync(string role, Guid? communityId, CancellationToken cancellationToken) =>
        EntityFrameworkQueryableExtensions.ToListAsync(from u in db.Users
         join ur in db.UserRoles on u.Id equals ur.UserId
         join r in db.Roles on ur.RoleId equals r.Id
         where r.Name == role && (communityId == null || db.StaffCommunities.Any(sc => sc.UserId == u.Id && sc.CommunityId == communityId))
         select new StaffContact(u.Email, u.DisplayName), cancellationToken);

    public ValueTask DisposeAsync() => db.DisposeAsync();

    private sealed class EfTransaction(IDbContextTransaction transaction) : ICivicTransaction
    {
        public Task CommitAsync(CancellationToken cancellationToken = default) =>
            Refused.Translate(async () => { await transaction.CommitAsync(cancellationToken); return 0; });

        public ValueTask DisposeAsync() => transaction.DisposeAsync();
    }
}

/// <summary>Turns the database's refusal of a write into the domain's <see cref="DataWriteException"/>.</summary>
internal static class Refused
{
    public static async Task<T> Translate<T>(Func<Task<T>> write)
    {
        try
        {
            return await write();
        }
        catch (DbUpdateException ex)
        {
            throw new DataWriteException(ex.InnerException?.Message ?? ex.Message, ex);
        }
        catch (DbException ex)
        {
            throw new DataWriteException(ex.Message, ex);
        }
    }
}
