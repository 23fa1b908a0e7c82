namespace Deliberation.Civic.Paper;

/// <summary>
/// The answers to one question (every task of an ask or a ballot), counted by how they came in: online (<c>link</c>),
/// on a paper sheet (<c>paper</c>) and entered on someone's behalf (<c>proxy</c>).
/// </summary>
/// <param name="Title">The question.</param>
/// <param name="Purpose">The tasks' purpose (<c>ballot</c>, <c>time-poll</c>, <c>ask</c>…).</param>
/// <param name="Asked">How many were asked.</param>
/// <param name="Answered">How many have answered.</param>
/// <param name="Channels">Answers by channel, each channel listed even at zero.</param>
/// <param name="Options">Each option's count, in all and by channel.</param>
public sealed record ChannelTotals(string Title, string Purpose, int Asked, int Answered, IReadOnlyDictionary<string, int> Channels,
    IReadOnlyList<OptionTotals> Options);
