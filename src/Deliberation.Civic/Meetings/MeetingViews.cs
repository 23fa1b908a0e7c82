using System.Text.Json.Nodes;
using Deliberation.Civic.Minutes;

namespace Deliberation.Civic.Meetings;

/// <summary>What staff give to plan a meeting (the time poll goes out when the workflow takes it).</summary>
/// <param name="Name">会议名称.</param>
/// <param name="Place">地点.</param>
/// <param name="Agenda">议程, one item each; null (left out) for the agenda the case's workflow proposes (<see cref="MeetingSuggestion"/>).</param>
/// <param name="Chair">主持人.</param>
/// <param name="Recorder">记录人.</param>
/// <param name="Slots">2–5 candidate times, in the future.</param>
/// <param name="PollClosesAt">When the time poll closes; before the earliest slot. Default: 2 days from now, or half-way to the earliest slot if sooner.</param>
public sealed record MeetingPlan(string? Name, string? Place, IReadOnlyList<string>? Agenda, string? Chair, string? Recorder,
    IReadOnlyList<MeetingSlot>? Slots, DateTimeOffset? PollClosesAt);

/// <summary>What the plan form starts from.</summary>
/// <param name="Agenda">The agenda the case's workflow proposes in its variable <c>agenda</c> (e.g. needs from the needs list); empty when none.</param>
public sealed record MeetingSuggestion(IReadOnlyList<string> Agenda);

/// <summary>One candidate slot with how many can make it.</summary>
public sealed record SlotTally(string Value, DateTimeOffset Start, DateTimeOffset End, string Label, int Count, bool Chosen);

/// <summary>A panel member's answers for a meeting.</summary>
public sealed record MeetingParticipant(Guid PersonId, string Name, string Role, string? PartyKind, bool Votes, bool HasEmail,
    IReadOnlyList<string>? PollChoices, string? Rsvp, bool? Present);

/// <summary>A vote with its ballots and the tally under its rules (live while open).</summary>
public sealed record VoteView(MeetingVote Vote, IReadOnlyList<BallotView> Ballots, JsonObject Tally);

/// <summary>One voter's choice.</summary>
public sealed record BallotView(Guid PersonId, string Name, string Choice, string? Reason, string Channel, DateTimeOffset RecordedAt);

/// <summary>Everything meeting mode shows.</summary>
public sealed record MeetingView(Meeting Meeting, IReadOnlyList<string> Agenda, IReadOnlyList<SlotTally> Slots, IReadOnlyList<MeetingParticipant> Participants,
    IReadOnlyList<Proposal> Proposals, IReadOnlyList<MeetingPoint> Points, IReadOnlyList<VoteView> Votes, IReadOnlyList<ResolutionView> Resolutions,
    IReadOnlyList<MinutesRecord> Minutes, JsonObject Rules, JsonObject Quorum);

/// <summary>A voter's choice as staff record it in meeting mode (or enter from paper).</summary>
public sealed record BallotEntry(Guid PersonId, string? Choice, string? Reason);

/// <summary>One line of attendance.</summary>
public sealed record AttendanceEntry(Guid PersonId, bool Present);
