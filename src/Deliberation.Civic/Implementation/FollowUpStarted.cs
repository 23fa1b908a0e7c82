namespace Deliberation.Civic.Implementation;

/// <summary>What starting the follow-up did.</summary>
/// <param name="Asked">Representatives asked (a follow-up task each).</param>
/// <param name="Emailed">Of them, emailed their link.</param>
/// <param name="ClosesAt">When the follow-up window ends.</param>
/// <param name="HouseholdsSampled">How many of those asked are affected households drawn at random.</param>
public sealed record FollowUpStarted(int Asked, int Emailed, DateTimeOffset ClosesAt, int HouseholdsSampled = 0);
