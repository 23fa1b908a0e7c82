using Deliberation.Civic.Communities;
using Deliberation.Civic.Data;
using Deliberation.Engine.Runtime;
using Deliberation.Engine.Storage;

namespace Deliberation.Civic.Escalations;

/// <summary>
/// Escalations (升级/需协调事项): a row in <c>escalations</c> and, in the same transaction, one email per address to the
/// community's escalation contacts (<see cref="Community.EscalationEmails"/>, e.g. the street office) and to its
/// committee staff accounts. Staff list the open ones and acknowledge them.
/// <para>
/// From a workflow activity, call <see cref="RaiseInStepAsync"/> with <c>context.Step</c>, so the escalation commits
/// with the step or not at all; elsewhere call <see cref="RaiseAsync(EscalationRequest, CancellationToken)"/>.
/// Given a <see cref="EscalationRequest.RelatedId"/>, the same kind is raised once for the same thing: a step
/// that runs again (an incident retried) does not email twice.
/// </para>
/// Refusals are <see cref="WorkflowException"/>s: <c>community-not-found</c> (404), <c>invalid-input</c> (400, errors by
/// field: kind, subject, body, caseId), <c>escalation-not-found</c> (404), <c>escalation-acknowledged</c> (409).
/// </summary>
public sealed class EscalationStore(ICivicDatabase database, TimeProvider time)
{
    /// <summary>Raises an escalation in a workflow step's transaction: the row and its emails commit with the step.</summary>
    /// <exception cref="WorkflowException">No such community (404) or an invalid request (400).</exception>
    public async Task<RaisedEscalation> RaiseInStepAsync(IStepScope step, EscalationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        await using var db = await database.OpenInStepAsync(step, cancellationToken);
        var raised = await RaiseAsync(db, request, time.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return raised;
    }

    /// <summary>Raises an escalation in its own transaction.</summary>
    /// <exception cref="WorkflowException">No such community (404) or an invalid request (400).</exception>
    public async Task<RaisedEscalation> RaiseAsync(EscalationRequest request, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var raised = await RaiseAsync(db, request, time.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return raised;
    }

    /// <summary>
    /// Adds the escalation and its emails to <paramref name="db"/> without saving (the caller owns the transaction): to
    /// the staff and, as <paramref name="audience"/> says, the escalation contacts (all of them when not given).
    /// </summary>
    internal static async Task<RaisedEscalation> RaiseAsync(ICivicSession db, EscalationRequest request, DateTimeOffset now, CancellationToken cancellationToken,
        EscalationAudience? audience = null)
    {
        audience ??= EscalationAudience.ContactsAndStaff;
        ArgumentNullException.ThrowIfNull(request);
        var community = await db.Communities.AsNoTracking().FirstOrDefaultAsync(c => c.Id == request.CommunityId, cancellationToken)
            ?? throw new WorkflowException(WorkflowErrorKind.NotFound, "community-not-found", $"There is no community {request.CommunityId}.");
        var errors = EscalationRules.Validate(request);
        string? caseLabel = null;
        if (request.CaseId is { } caseId)
        {
            var found = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId && c.CommunityId == request.CommunityId, cancellationToken);
            if (found is null) errors["caseId"] = [EscalationFields.CaseUnknown.Error()];
            else caseLabel = string.IsNullOrEmpty(found.CaseNumber) ? found.Title : $"{found.CaseNumber} {found.Title}";
        }
        if (errors.Count > 0)
            throw new WorkflowException(WorkflowErrorKind.Invalid, "invalid-input", "The escalation is invalid; nothing was raised.") { FieldErrors = errors };

        if (request.RelatedId is { } related
            && await db.Escalations.AsNoTracking().FirstOrDefaultAsync(e => e.CommunityId == request.CommunityId && e.Kind == request.Kind && e.RelatedId == related,
                cancellationToken) is { } earlier)
            return new RaisedEscalation(earlier, false);

        var escalation = new Escalation
        {
            Id = Guid.CreateVersion7(now), CommunityId = request.CommunityId, CaseId = request.CaseId, Kind = request.Kind, RelatedId = request.RelatedId,
            InstanceId = request.InstanceId, Subject = request.Subject.Trim(), Body = request.Body, RaisedAt = now,
        };
        var recipients = audience.Contacts ? EscalationRules.ParseContacts(community.EscalationEmails).Addresses.Where(EmailAddresses.IsValid).ToList() : [];
        recipients.AddRange((await StaffAlerts.StaffAddressesAsync(db, request.CommunityId, cancellationToken)).Select(s => s.Address));
        var except = audience.Except.ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var address in recipients.Distinct(StringComparer.OrdinalIgnoreCase).Where(a => !except.Contains(a)))
        {
            db.QueueEmail(EscalationEmail.Compose(address, community.Name, caseLabel, escalation), now, request.InstanceId);
            escalation.Notified++;
        }
        db.Escalations.Add(escalation);
        return new RaisedEscalation(escalation, true);
    }

    /// <summary>The community's escalations, newest first: the open ones, or all with <paramref name="includeAcknowledged"/>.</summary>
    /// <exception cref="WorkflowException">No such community (404).</exception>
    public async Task<IReadOnlyList<Escalation>> ListAsync(Guid communityId, bool includeAcknowledged, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        if (!await db.Communities.AnyAsync(c => c.Id == communityId, cancellationToken))
            throw new WorkflowException(WorkflowErrorKind.NotFound, "community-not-found", $"There is no community {communityId}.");
        var query = db.Escalations.Where(e => e.CommunityId == communityId);
        if (!includeAcknowledged) query = query.Where(e => e.AcknowledgedAt == null);
        return (await query.ToListAsync(cancellationToken)).OrderByDescending(e => e.RaisedAt).ThenByDescending(e => e.Id).ToList();
    }

    /// <summary>Records that a staff member has seen to an escalation.</summary>
    /// <exception cref="WorkflowException">No such escalation in the community (404); acknowledged already (409).</exception>
    public async Task<Escalation> AcknowledgeAsync(Guid communityId, Guid escalationId, Guid userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = database.Open();
        var changed = await db.Escalations.Where(e => e.Id == escalationId && e.CommunityId == communityId && e.AcknowledgedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.AcknowledgedAt, now).SetProperty(e => e.AcknowledgedByUserId, userId), cancellationToken);
        var escalation = await db.Escalations.FirstOrDefaultAsync(e => e.Id == escalationId && e.CommunityId == communityId, cancellationToken)
            ?? throw new WorkflowException(WorkflowErrorKind.NotFound, "escalation-not-found", $"The community has no escalation {escalationId}.");
        return changed == 1
            ? escalation
            : throw new WorkflowException(WorkflowErrorKind.Conflict, "escalation-acknowledged", "The escalation was acknowledged already; nothing changed.");
    }
}
