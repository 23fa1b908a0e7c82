namespace Deliberation.Civic.Elections;

/// <summary>A case in the case list, with the workflow instance that runs it (the one its anchored complaint started), if any.</summary>
public sealed record CaseListing(DeliberationCase Case, Guid? InstanceId, int? Step = null);
