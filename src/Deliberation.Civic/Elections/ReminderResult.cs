namespace Deliberation.Civic.Elections;

/// <summary>What a round of reminders did.</summary>
/// <param name="Reminded">Voters who had not voted and were emailed a reminder.</param>
/// <param name="WithoutEmail">Voters who had not voted and have no email: their building head should collect a paper ballot.</param>
public sealed record ReminderResult(int Reminded, int WithoutEmail);
