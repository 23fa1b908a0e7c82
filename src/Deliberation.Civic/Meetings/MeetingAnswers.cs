using System.Text.Json.Nodes;
using Deliberation.Civic.Participation;

namespace Deliberation.Civic.Meetings;

/// <summary>The current answers to one meeting's time poll, RSVP and proposal tasks.</summary>
internal sealed class MeetingAnswers(IReadOnlyList<ParticipationTask> tasks, IReadOnlyList<TaskAnswer> answers)
{
    private readonly Dictionary<Guid, JsonObject> _byTask = answers.ToDictionary(a => a.TaskId, a => (JsonObject)JsonNode.Parse(a.Answer)!);
    private readonly Dictionary<Guid, DateTimeOffset> _answeredAt = answers.ToDictionary(a => a.TaskId, a => a.AnsweredAt);

    /// <summary>The slots a person chose in the time poll; null when they have not answered.</summary>
    public IReadOnlyList<string>? PollChoices(Guid personId) => Answer(personId, TaskPurposes.TimePoll) is { } a
        ? (a["choices"] as JsonArray)?.Select(c => (string)c!).ToList() ?? ((string?)a["choice"] is { } one ? [one] : [])
        : null;

    /// <summary>A person's RSVP: <c>yes</c>, <c>no</c>, or null when they have not answered.</summary>
    public string? Rsvp(Guid personId) => (string?)Answer(personId, TaskPurposes.Rsvp)?["choice"];

    /// <summary>Proposals sent by link that are not among <paramref name="known"/>; each has its task's id.</summary>
    public IEnumerable<Proposal> LinkProposals(Meeting meeting, IReadOnlyCollection<Proposal> known) =>
        tasks.Where(t => t.Purpose == TaskPurposes.Proposal && _byTask.ContainsKey(t.Id) && known.All(p => p.TaskId != t.Id && p.Id != t.Id))
            .Select(t =>
            {
                var text = ((string?)_byTask[t.Id]["comment"] ?? "").Trim();
                var firstLine = text.Split('\n', 2)[0].Trim();
                return new Proposal
                {
                    Id = t.Id, MeetingId = meeting.Id, PersonId = t.PersonId, TaskId = t.Id, Source = "link", SubmittedAt = _answeredAt[t.Id],
                    Title = firstLine.Length > 60 ? firstLine[..60] + "…" : firstLine, Body = text,
                };
            })
            .OrderBy(p => p.SubmittedAt);

    private JsonObject? Answer(Guid personId, string purpose) =>
        tasks.Where(t => t.PersonId == personId && t.Purpose == purpose && _byTask.ContainsKey(t.Id))
            .OrderByDescending(t => t.CreatedAt).Select(t => _byTask[t.Id]).FirstOrDefault();
}
