using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Deliberation.Civic.Data;
using Deliberation.Civic.Issues;
using Deliberation.Civic.Links;
using Deliberation.Civic.Participation;
using Deliberation.Civic.ShortLinks;
using Deliberation.Engine.Runtime;

namespace Deliberation.Civic.Paper;

/// <summary>
/// Paper answers to a question (a ballot, a time poll, an ask): a building head prints one sheet per household of their
/// buildings, each with that household's own signed answer link as a QR code, and afterwards enters what each household
/// ticked with a photo of its sheet, recorded as channel <c>paper</c>. The question is every task sharing the task's
/// workflow instance, signal, purpose and title. Refusals are <see cref="WorkflowException"/>s with stable codes
/// (<c>task-not-found</c>, <c>paper-no-sheets</c>, <c>paper-wrong-household</c>, <c>household-not-headed</c>,
/// <c>task-closed</c>, <c>invalid-answer</c>, <c>answered-by-person</c>). An answer given by link with a photo (征询参与者's
/// progress report) keeps its photo here too (<see cref="RecordLinkAnswerAsync"/>), so staff fetch every answer's photo one way.
/// </summary>
/// <param name="database">The database.</param>
/// <param name="tasks">Records the answers.</param>
/// <param name="shortLinks">Makes each household's signed link, short for the sheet's QR code.</param>
/// <param name="photos">The photo store (<c>{DataPath}/photos</c>): <c>{community}/paper/{task}/{sha256}.{ext}</c>.</param>
/// <param name="time">The clock.</param>
public sealed class PaperBallots(ICivicDatabase database, TaskStore tasks, ShortLinkStore shortLinks, IFileStore photos, TimeProvider time)
{
    private sealed record Member(ParticipationTask Task, Guid? HouseholdId, Guid? BuildingId, string Household, string Name, bool Representative);

    /// <summary>
    /// The sheets of the open tasks of the question of <paramref name="taskId"/>, one per household (of
    /// <paramref name="buildings"/> only, when given), ordered by building and unit, and the PDF printing them.
    /// </summary>
    /// <exception cref="WorkflowException">No such task in the community (404), or no household to print for (409, <c>paper-no-sheets</c>).</exception>
    public async Task<(IReadOnlyList<PaperSheet> Sheets, byte[] Pdf)> PrintAsync(Guid communityId, Guid taskId, IReadOnlyCollection<Guid>? buildings,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var members = await MembersAsync(communityId, taskId, cancellationToken);
        var chosen = members.Where(m => m.HouseholdId is not null && !m.Task.IsClosedAt(now) && (buildings is null || m.BuildingId is { } b && buildings.Contains(b)))
            .GroupBy(m => m.HouseholdId!.Value)
            .Select(g => HouseholdAnswerer.Choose(g, m => m.Representative, m => m.Name))
            .OrderBy(m => m.Household, Roster.NaturalComparer.Instance)
            .ToList();
        var sheets = new List<PaperSheet>(chosen.Count);
        foreach (var m in chosen)
            sheets.Add(new PaperSheet(m.Task, m.HouseholdId!.Value, m.Household, m.Name, await shortLinks.ForTaskAsync(m.Task, cancellationToken)));
        if (sheets.Count == 0)
            throw new WorkflowException(WorkflowErrorKind.Conflict, "paper-no-sheets", "No household of these buildings has an open task of this question; nothing was printed.");
        await using var db = database.Open();
        var community = (await db.Communities.SingleAsync(c => c.Id == communityId, cancellationToken)).Name;
        return (sheets, PaperSheetPdf.Render(community, sheets));
    }

    /// <summary>
    /// Records what a household wrote on its sheet, entered by <paramref name="userId"/> with a photo of the sheet. The
    /// household must be the task's (the sheet's number) and, for a building head, in one of <paramref name="buildings"/>.
    /// Nothing is stored when it is refused.
    /// </summary>
    /// <exception cref="WorkflowException">See the class; nothing was recorded.</exception>
    public async Task<TaskSnapshot> RecordAsync(Guid communityId, Guid taskId, Guid? householdId, JsonNode? answer, SanitizedPhoto photo,
        IReadOnlyCollection<Guid>? buildings, Guid userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(photo);
        var task = await tasks.FindAsync(taskId, cancellationToken);
        if (task.CommunityId != communityId) throw new WorkflowException(WorkflowErrorKind.NotFound, "task-not-found", $"There is no task {taskId}.");
        await using (var db = database.Open())
        {
            var home = await (from p in db.People
                              join h in db.Households on p.HouseholdId equals h.Id
                              where p.Id == task.PersonId
                              select new { h.Id, h.BuildingGroupId }).FirstOrDefaultAsync(cancellationToken);
            if (home is null || householdId != home.Id)
                throw new WorkflowException(WorkflowErrorKind.Invalid, "paper-wrong-household",
                    "The sheet is not this task's household's (its number differs); nothing was recorded.")
                {
                    FieldErrors = new Dictionary<string, FieldError[]> { ["householdId"] = [PaperFields.WrongHousehold.Error()] },
                };
            if (buildings is not null && !buildings.Contains(home.BuildingGroupId))
                throw new WorkflowException(WorkflowErrorKind.Forbidden, "household-not-headed",
                    "The household is not in a building you head; nothing was recorded.");
        }
        tasks.CheckAnswer(task, answer);
        return await WithPhotoAsync(task, photo, sha256 => tasks.RecordPaperAnswerAsync(task, answer, userId, photo.Format.ContentType, sha256, cancellationToken),
            cancellationToken);
    }

    /// <summary>
    /// Records an answer given by link with a photo taken on the answer page (a progress report with photo of 征询参与者),
    /// kept the way a paper sheet's photo is, so staff fetch it the same way (<see cref="PhotoAsync"/>). Nothing is stored
    /// when it is refused.
    /// </summary>
    /// <exception cref="WorkflowException">As <see cref="TaskStore.RecordLinkAnswerAsync(LinkClaims, JsonNode?, CancellationToken)"/>; nothing was recorded.</exception>
    public async Task<TaskSnapshot> RecordLinkAnswerAsync(LinkClaims claims, JsonNode? answer, SanitizedPhoto photo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(photo);
        var task = await tasks.FindAsync(claims.TaskId, cancellationToken);
        tasks.CheckAnswer(task, answer);
        return await WithPhotoAsync(task, photo, sha256 => tasks.RecordLinkAnswerAsync(claims, answer, (photo.Format.ContentType, sha256), cancellationToken),
            cancellationToken);
    }

    /// <summary>Stores the photo under its SHA-256, then records the answer; a photo stored for it is removed again when the answer is refused.</summary>
    private async Task<TaskSnapshot> WithPhotoAsync(ParticipationTask task, SanitizedPhoto photo, Func<string, Task<TaskSnapshot>> record, CancellationToken cancellationToken)
    {
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(photo.Content));
        var path = PhotoPath(task.CommunityId, task.Id, sha256, photo.Format.Extension);
        var existed = photos.Exists(path);
        if (!existed) await photos.WriteAsync([new StoredFile(path, photo.Content)], cancellationToken);
        try
        {
            return await record(sha256);
        }
        catch when (!existed)
        {
            photos.Delete(path);
            throw;
        }
    }

    /// <summary>The photo of the sheet a paper answer was entered from; null when the answer has none.</summary>
    public async Task<(byte[] Content, string ContentType)?> PhotoAsync(Guid communityId, Guid taskId, Guid answerId, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        var answer = await (from a in db.TaskAnswers
                            join t in db.Tasks on a.TaskId equals t.Id
                            where a.Id == answerId && a.TaskId == taskId && t.CommunityId == communityId && a.PhotoSha256 != null
                            select a).FirstOrDefaultAsync(cancellationToken);
        var format = answer?.PhotoContentType is { } type ? ComplaintPhotos.ForContentType(type) : null;
        if (answer is null || format is null) return null;
        var content = await photos.ReadAsync(PhotoPath(communityId, taskId, answer.PhotoSha256!, format.Extension), cancellationToken);
        return content is null ? null : (content, format.ContentType);
    }

    /// <summary>The question's answers counted by channel: online, paper and proxy.</summary>
    /// <exception cref="WorkflowException">No such task in the community (404).</exception>
    public async Task<ChannelTotals> TotalsAsync(Guid communityId, Guid taskId, CancellationToken cancellationToken)
    {
        var members = await MembersAsync(communityId, taskId, cancellationToken);
        var first = members.First(m => m.Task.Id == taskId).Task;
        var ids = members.Select(m => m.Task.Id).ToList();
        await using var db = database.Open();
        var current = await db.TaskAnswers.Where(a => ids.Contains(a.TaskId) && a.IsCurrent).Select(a => new { a.Answer, a.Channel }).ToListAsync(cancellationToken);
        var form = TaskForm.Parse(first.Data);
        Dictionary<string, int> Zero() => TaskChannels.All.ToDictionary(c => c, _ => 0, StringComparer.Ordinal);
        var channels = Zero();
        var options = form.Options.ToDictionary(o => o.Value, _ => (Count: 0, Channels: Zero()), StringComparer.Ordinal);
        foreach (var answer in current)
        {
            channels[answer.Channel] = channels.GetValueOrDefault(answer.Channel) + 1;
            foreach (var value in TaskForm.ChosenValues(answer.Answer).Distinct(StringComparer.Ordinal))
            {
                if (!options.TryGetValue(value, out var count)) continue;
                count.Channels[answer.Channel] = count.Channels.GetValueOrDefault(answer.Channel) + 1;
                options[value] = (count.Count + 1, count.Channels);
            }
        }
        return new ChannelTotals(first.Title, first.Purpose, members.Count, current.Count, channels,
            form.Options.Select(o => new OptionTotals(o.Value, o.Label, options[o.Value].Count, options[o.Value].Channels)).ToList());
    }

    private async Task<List<Member>> MembersAsync(Guid communityId, Guid taskId, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == taskId && t.CommunityId == communityId, cancellationToken)
            ?? throw new WorkflowException(WorkflowErrorKind.NotFound, "task-not-found", $"There is no task {taskId}.");
        var rows = await TaskHome.Query(db)
            .Where(r => r.Task.CommunityId == communityId && r.Task.Purpose == task.Purpose && r.Task.Title == task.Title
                && r.Task.InstanceId == task.InstanceId && r.Task.SignalName == task.SignalName)
            .Select(r => new
            {
                r.Task, r.Person.Name, r.Person.IsHouseholdRepresentative, HouseholdId = r.Household == null ? (Guid?)null : r.Household.Id,
                BuildingId = r.Building == null ? (Guid?)null : r.Building.Id, Building = r.Building == null ? "" : r.Building.Compound + r.Building.Name,
                Entrance = r.Household == null ? "" : r.Household.Entrance, Unit = r.Household == null ? "" : r.Household.Unit,
            }).ToListAsync(cancellationToken);
        return rows.Select(r => new Member(r.Task, r.HouseholdId, r.BuildingId, Label(r.Building, r.Entrance, r.Unit), r.Name, r.IsHouseholdRepresentative)).ToList();
    }

    private static string Label(string building, string entrance, string unit) =>
        string.Join(" ", new[] { building, entrance + unit }.Where(s => s.Length > 0));

    private static string PhotoPath(Guid communityId, Guid taskId, string sha256, string extension) => $"{communityId}/paper/{taskId}/{sha256}.{extension}";
}
