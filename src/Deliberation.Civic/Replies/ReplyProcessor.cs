using System.Text.Json.Nodes;
using Deliberation.Civic.Communities;
using Deliberation.Civic.Data;
using Deliberation.Civic.Participation;
using Deliberation.Engine.Runtime;

namespace Deliberation.Civic.Replies;

/// <summary>
/// Answers a task from a reply to its email: finds the task by the reply's signed token (never by the sender), reads the
/// option the person's own words name (<see cref="ReplyText"/>, <see cref="ReplyChoices"/>), records it as an
/// <c>email-reply</c> answer through <see cref="TaskStore"/> (resuming the waiting workflow like an answer by link) and
/// confirms it. An unclear reply gets the options, one after the deadline 已截止; a reply without a valid token records
/// nothing and is answered by nobody (its sender may not be who the message says, and a reply would only tell them the
/// mailbox exists). Each Message-ID is processed once: the <see cref="EmailReply"/> row commits with the answer and the
/// email it causes, so a reply read again — after a crash, or by a second host — changes nothing.
/// </summary>
/// <param name="database">The database.</param>
/// <param name="tasks">Records the answer.</param>
/// <param name="addresses">Checks the reply's token and makes the address answers are replied from.</param>
/// <param name="time">The clock.</param>
public sealed class ReplyProcessor(ICivicDatabase database, TaskStore tasks, ReplyAddresses addresses, TimeProvider time)
{
    /// <summary>Processes one reply and says what became of it (<see cref="ReplyOutcomes"/>).</summary>
    /// <exception cref="DataWriteException">The database refused a write for another reason than the reply being processed already.</exception>
    public async Task<ReplyResult> ProcessAsync(IncomingReply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var key = reply.MessageId;
        await using (var db = database.Open())
        {
            if (await db.EmailReplies.AnyAsync(r => r.MessageId == key, cancellationToken)) return new ReplyResult(ReplyOutcomes.Duplicate, null);
        }
        if (reply.IsAutomatic) return await KeepAsync(key, ReplyOutcomes.Automatic, null, null, cancellationToken);

        var task = await MatchAsync(reply, cancellationToken);
        if (task is null) return await KeepAsync(key, ReplyOutcomes.Unmatched, null, null, cancellationToken);

        var (to, name) = await AddressOfAsync(task, cancellationToken);
        var now = time.GetUtcNow();
        if (task.IsClosedAt(now)) return await KeepAsync(key, ReplyOutcomes.Closed, task, Closed(to, name, task, key), cancellationToken);
        var form = TaskForm.Parse(task.Data);
        var answer = ReplyChoices.Read(form, ReplyText.Extract(reply.Text));
        if (answer is null) return await KeepAsync(key, ReplyOutcomes.Unclear, task, Unclear(to, name, task, form, key), cancellationToken);

        try
        {
            await tasks.RecordReplyAnswerAsync(task, answer, (db, row) =>
            {
                db.EmailReplies.Add(new EmailReply { MessageId = key, ProcessedAt = now, Outcome = ReplyOutcomes.Recorded, TaskId = task.Id, AnswerId = row.Id });
                if (to is not null) db.QueueEmail(ReplyEmails.Recorded(to, name, task, form, row.Answer, addresses.For(task), key), now, task.InstanceId);
            }, cancellationToken);
            return new ReplyResult(ReplyOutcomes.Recorded, task.Id);
        }
        catch (WorkflowException ex) when (ex.Code == "task-closed")
        {
            return await KeepAsync(key, ReplyOutcomes.Closed, task, Closed(to, name, task, key), cancellationToken);
        }
        catch (WorkflowException ex) when (ex.Code == "link-reissued")
        {
            // Staff reissued the link (and with it the reply address) while this was read: the token is retired.
            return await KeepAsync(key, ReplyOutcomes.Unmatched, null, null, cancellationToken);
        }
        catch (WorkflowException ex) when (ex.Code == "invalid-answer")
        {
            return await KeepAsync(key, ReplyOutcomes.Unclear, task, Unclear(to, name, task, form, key), cancellationToken);
        }
        catch (DataWriteException)
        {
            if (!await ProcessedAsync(key, cancellationToken)) throw;
            return new ReplyResult(ReplyOutcomes.Duplicate, task.Id);
        }
    }

    /// <summary>The task the first valid token names, as it is now; null when no token checks out.</summary>
    private async Task<ParticipationTask?> MatchAsync(IncomingReply reply, CancellationToken cancellationToken)
    {
        foreach (var token in addresses.TokensIn(reply))
        {
            if (!ReplyAddresses.TryReadTaskId(token, out var taskId)) continue;
            await using var db = database.Open();
            var task = await db.Tasks.SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken);
            if (addresses.Matches(token, task)) return task;
        }
        return null;
    }

    /// <summary>The person's address on the roster, where answers go; null when they have none.</summary>
    private async Task<(string? Email, string? Name)> AddressOfAsync(ParticipationTask task, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        var person = await db.People.Where(p => p.Id == task.PersonId).Select(p => new { p.Email, p.Name }).SingleOrDefaultAsync(cancellationToken);
        var email = person?.Email?.Trim();
        return (email is { Length: > 0 } && EmailAddresses.IsValid(email) ? email : null, person?.Name);
    }

    private Engine.Messaging.EmailMessage? Closed(string? to, string? name, ParticipationTask task, string key) =>
        to is null ? null : ReplyEmails.Closed(to, name, task, key);

    private Engine.Messaging.EmailMessage? Unclear(string? to, string? name, ParticipationTask task, TaskForm form, string key) =>
        to is null ? null : ReplyEmails.Unclear(to, name, task, form, addresses.For(task), key);

    /// <summary>Records the reply as processed, with the email it causes, in one transaction; a second host's record first makes it a duplicate.</summary>
    private async Task<ReplyResult> KeepAsync(string key, string outcome, ParticipationTask? task, Engine.Messaging.EmailMessage? email, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        try
        {
            await using var db = database.Open();
            db.EmailReplies.Add(new EmailReply { MessageId = key, ProcessedAt = now, Outcome = outcome, TaskId = task?.Id });
            if (email is not null) db.QueueEmail(email, now, task?.InstanceId);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DataWriteException)
        {
            if (!await ProcessedAsync(key, cancellationToken)) throw;
            return new ReplyResult(ReplyOutcomes.Duplicate, task?.Id);
        }
        return new ReplyResult(outcome, task?.Id);
    }

    private async Task<bool> ProcessedAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        return await db.EmailReplies.AnyAsync(r => r.MessageId == key, cancellationToken);
    }
}
