using Deliberation.Engine.Definitions;

namespace Deliberation.Civic.Signals;

/// <summary>
/// A signal the host sends to a case's workflow when staff (or the people answering) do something: its name as a
/// <c>WaitForSignal</c> waits for it, the action that sends it, and the fields of its payload.
/// </summary>
/// <param name="Name">The signal's name; with <paramref name="IsPrefix"/>, the start of names that end with an id.</param>
/// <param name="DisplayName">What it means, in zh-CN and en.</param>
/// <param name="SentWhen">Which action sends it (the button or page staff use, or the answer that triggers it).</param>
/// <param name="Payload">The fields of its payload.</param>
/// <param name="IsPrefix">Whether the name is followed by an id (one signal per action item).</param>
public sealed record StaffSignal(string Name, LocalizedText DisplayName, LocalizedText SentWhen, IReadOnlyList<SignalPayloadField> Payload, bool IsPrefix = false);
