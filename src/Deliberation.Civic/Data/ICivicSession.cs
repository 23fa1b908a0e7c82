using System.Text.Json.Nodes;
using Deliberation.Civic.Communities;
using Deliberation.Civic.Elections;
using Deliberation.Civic.Escalations;
using Deliberation.Civic.Implementation;
using Deliberation.Civic.Issues;
using Deliberation.Civic.Meetings;
using Deliberation.Civic.Minutes;
using Deliberation.Civic.Participation;
using Deliberation.Engine.Messaging;

namespace Deliberation.Civic.Data;

/// <summary>
/// One unit of work on the domain's rows: its tables as queryable sets (query them with <see cref="CivicQueryable"/>),
/// the engine's queues a domain change may add to (an email, a signal to a workflow), and the staff accounts the domain
/// alerts. Nothing is written until <see cref="SaveChangesAsync"/>; in a step's session, nothing commits unless the step does.
/// </summary>
public interface ICivicSession : IAsyncDisposable
{
#pragma warning disable CS1591 // one set per table; the entity types say what each holds
    ICivicSet<Community> Communities { get; }
    ICivicSet<Precinct> Precincts { get; }
    ICivicSet<BuildingGroup> BuildingGroups { get; }
    ICivicSet<Household> Households { get; }
    ICivicSet<Person> People { get; }
    ICivicSet<ParticipationTask> Tasks { get; }
    ICivicSet<TaskAnswer> TaskAnswers { get; }
    ICivicSet<Complaint> Complaints { get; }
    ICivicSet<ComplaintScope> ComplaintScopes { get; }
    ICivicSet<ComplaintReporter> ComplaintReporters { get; }
    ICivicSet<ComplaintPhoto> ComplaintPhotos { get; }
    ICivicSet<ComplaintEvent> ComplaintEvents { get; }
    ICivicSet<DeliberationCase> Cases { get; }
    ICivicSet<AffectedGroup> AffectedGroups { get; }
    ICivicSet<AffectedHousehold> AffectedHouseholds { get; }
    ICivicSet<Election> Elections { get; }
    ICivicSet<Candidate> Candidates { get; }
    ICivicSet<ElectionBallot> ElectionBallots { get; }
    ICivicSet<NominationInvitation> NominationInvitations { get; }
    ICivicSet<PanelMember> PanelMembers { get; }
    ICivicSet<Meeting> Meetings { get; }
    ICivicSet<MeetingAttendance> MeetingAttendance { get; }
    ICivicSet<Proposal> Proposals { get; }
    ICivicSet<MeetingPoint> MeetingPoints { get; }
    ICivicSet<MeetingResolution> MeetingResolutions { get; }
    ICivicSet<MeetingVote> MeetingVotes { get; }
    ICivicSet<VoteBallot> VoteBallots { get; }
    ICivicSet<MinutesRecord> Minutes { get; }
    ICivicSet<MinutesDraft> MinutesDrafts { get; }
    ICivicSet<MinutesObjection> MinutesObjections { get; }
    ICivicSet<MinutesRevision> MinutesRevisions { get; }
    ICivicSet<ActionItem> ActionItems { get; }

    /// <summary>The action items' funding by source.</summary>
    ICivicSet<FundingShare> FundingShares { get; }
    ICivicSet<ActionItemProgress> ActionItemProgress { get; }
    ICivicSet<ActionItemAssignment> ActionItemAssignments { get; }
    ICivicSet<FollowUpRequest> FollowUpRequests { get; }
    ICivicSet<Escalation> Escalations { get; }
    ICivicSet<Communities.StaffNotice> StaffNotices { get; }
    ICivicSet<Organisations.Organisation> Organisations { get; }
    ICivicSet<Organisations.OrganisationContact> OrganisationContacts { get; }
    ICivicSet<Responses.TimedResponse> TimedResponses { get; }
    ICivicSet<Responses.TimedResponseTask> TimedResponseTasks { get; }
    ICivicSet<Needs.Need> Needs { get; }
    ICivicSet<Needs.NeedTask> NeedTasks { get; }
    ICivicSet<CommunityMatter> CommunityMatters { get; }
    ICivicSet<Replies.EmailReply> EmailReplies { get; }
    ICivicSet<Notices.PostedNotice> PostedNotices { get; }
    ICivicSet<Notices.NoticeComment> NoticeComments { get; }
    ICivicSet<ShortLinks.ShortLink> ShortLinks { get; }
#pragma warning restore CS1591

    /// <summary>Writes what was added, removed or changed on tracked rows.</summary>
    /// <exception cref="DataWriteException">The database refused the write (a unique key taken, a conflicting transaction).</exception>
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens a transaction for a staff action that writes more than once (not in a step's session, which is already one);
    /// <paramref name="serializable"/> for a read-then-write that must see no concurrent change.
    /// </summary>
    Task<ICivicTransaction> BeginTransactionAsync(bool serializable, CancellationToken cancellationToken);

    /// <summary>Opens a transaction (see <see cref="BeginTransactionAsync(bool, CancellationToken)"/>) at the database's default isolation.</summary>
    Task<ICivicTransaction> BeginTransactionAsync(CancellationToken cancellationToken) => BeginTransactionAsync(false, cancellationToken);

    /// <summary>
    /// Queues an email in the outbox, due at <paramref name="now"/>, belonging to <paramref name="instanceId"/> when a
    /// workflow caused it; it is written with the session's next save and sent after commit.
    /// </summary>
    void QueueEmail(EmailMessage message, DateTimeOffset now, Guid? instanceId = null);

    /// <summary>Queues several emails (see <see cref="QueueEmail"/>).</summary>
    void QueueEmails(IEnumerable<EmailMessage> messages, DateTimeOffset now, Guid? instanceId = null)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var message in messages) QueueEmail(message, now, instanceId);
    }

    /// <summary>
    /// Queues a durable signal for a workflow instance, written with the session's next save: the runtime delivers it
    /// to a bookmark of that name (and correlation, where the bookmark declares one) as soon as one waits.
    /// </summary>
    void QueueSignal(Guid instanceId, string name, string? correlation, JsonObject payload, DateTimeOffset now);

    /// <summary>
    /// Takes, until the session's transaction ends, the lock a workflow step of the instance holds while it runs: a staff
    /// action that changes what the instance's steps read then runs wholly before or after a step, never during one.
    /// Call it in a transaction, before the reads the change depends on. (On SQLite every write transaction holds the
    /// database's write lock already.)
    /// </summary>
    Task LockInstanceAsync(Guid instanceId, CancellationToken cancellationToken);

    /// <summary>Whether a workflow instance exists in the community (<paramref name="communityId"/>), or in any community when null.</summary>
    Task<bool> InstanceExistsAsync(Guid instanceId, Guid? communityId, CancellationToken cancellationToken);

    /// <summary>Staff accounts in <paramref name="role"/>: those given <paramref name="communityId"/>, or all in the role when null.</summary>
    Task<List<StaffContact>> StaffAccountsAsync(string role, Guid? communityId, CancellationToken cancellationToken);
}

/// <summary>A table of the session: query it, add to it, remove from it.</summary>
public interface ICivicSet<T> : IQueryable<T> where T : class
{
    /// <summary>The rows of this table the session tracks, including those added and not saved yet.</summary>
    IEnumerable<T> Local { get; }

    /// <summary>Adds a row, written with the next save.</summary>
    void Add(T entity);

    /// <summary>Adds rows, written with the next save.</summary>
    void AddRange(IEnumerable<T> entities);

    /// <summary>Removes a tracked row with the next save.</summary>
    void Remove(T entity);

    /// <summary>Removes tracked rows with the next save.</summary>
    void RemoveRange(IEnumerable<T> entities);
}

/// <summary>A transaction opened by a staff action; rolled back on dispose unless committed.</summary>
public interface ICivicTransaction : IAsyncDisposable
{
    /// <summary>Commits.</summary>
    /// <exception cref="DataWriteException">The database refused the commit.</exception>
    Task CommitAsync(CancellationToken cancellationToken = default);
}

/// <summary>A staff account's address and display name (either may be missing).</summary>
public sealed record StaffContact(string? Email, string? DisplayName);

/// <summary>The database refused a write: a unique key already taken, or a transaction that conflicted with another.</summary>
public sealed class DataWriteException(string message, Exception inner) : Exception(message, inner);
