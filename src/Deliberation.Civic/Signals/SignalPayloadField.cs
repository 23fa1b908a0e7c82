using Deliberation.Engine.Definitions;

namespace Deliberation.Civic.Signals;

/// <summary>One field of a signal's payload, as a workflow reads it (e.g. <c>{{ variables.planned.meetingId }}</c>).</summary>
/// <param name="Name">The field's name in the payload.</param>
/// <param name="Description">What it holds.</param>
public sealed record SignalPayloadField(string Name, LocalizedText Description);
