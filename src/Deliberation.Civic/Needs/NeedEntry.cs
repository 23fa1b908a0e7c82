namespace Deliberation.Civic.Needs;

/// <summary>A need with the names staff read beside it.</summary>
/// <param name="Need">The need.</param>
/// <param name="RequesterName">The requester's name, if any.</param>
/// <param name="ComplaintTitle">The title of the complaint it was fed from, if any.</param>
/// <param name="Offered">How many candidates it was offered to when last published.</param>
public sealed record NeedEntry(Need Need, string? RequesterName, string? ComplaintTitle, int Offered);
