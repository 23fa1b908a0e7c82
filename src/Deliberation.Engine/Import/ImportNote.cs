namespace Deliberation.Engine.Import;

/// <summary>
/// One line of an import's report: something left out (an activity with no counterpart here, a connection to it) or
/// changed on the way in (a script rewritten for Scriban, a repeating timer that waits once). The host shows it in the
/// reader's language by <see cref="Code"/>; <see cref="Message"/> is the English sentence for logs and API clients.
/// </summary>
/// <param name="Code">Stable code, e.g. <c>unsupported-activity</c>.</param>
/// <param name="Skipped">True when something was left out of the draft; false when it came in changed.</param>
/// <param name="ActivityId">The activity's id in the imported file, when the note is about one.</param>
/// <param name="ElsaType">The activity's type in the imported file, e.g. <c>Elsa.Http.SendHttpRequest</c>.</param>
/// <param name="Detail">What exactly: an input's name, a port, a connection (<c>a:Done → b</c>), the script left out.</param>
/// <param name="Message">The note in English.</param>
public sealed record ImportNote(string Code, bool Skipped, string? ActivityId, string? ElsaType, string? Detail, string Message);
