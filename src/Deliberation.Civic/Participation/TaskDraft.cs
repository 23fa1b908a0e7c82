using System.Text.Json.Nodes;

namespace Deliberation.Civic.Participation;

/// <summary>What staff (or a workflow) give to ask one person something.</summary>
/// <param name="CommunityId">The community; the person must belong to it.</param>
/// <param name="PersonId">Who answers.</param>
/// <param name="Purpose">One of <see cref="TaskPurposes.All"/>.</param>
/// <param name="Title">The question, shown on the answer page.</param>
/// <param name="Data">Options and page settings (see <see cref="TaskForm"/>); null for a written answer.</param>
/// <param name="ClosesAt">The deadline, in the future; null for none.</param>
/// <param name="InstanceId">The workflow instance waiting for the answer, if any.</param>
/// <param name="SignalName">The signal the answer sends to that instance; required with <paramref name="InstanceId"/>.</param>
public sealed record TaskDraft(Guid CommunityId, Guid PersonId, string? Purpose, string? Title, JsonObject? Data,
    DateTimeOffset? ClosesAt, Guid? InstanceId, string? SignalName);
