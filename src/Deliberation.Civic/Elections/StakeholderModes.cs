namespace Deliberation.Civic.Elections;

/// <summary>Who speaks for those a case affects (利益相关方的参与方式), chosen per case when the stakeholders are identified.</summary>
public static class StakeholderModes
{
    /// <summary>
    /// Residents by their representatives: each affected group (by default each affected building) elects 1–3, a large
    /// one layer by layer; a group at or below the direct threshold sits on the panel household by household.
    /// </summary>
    public const string Elected = "elected";

    /// <summary>Residents directly: every affected household's representative sits on the panel, whatever the groups' size.</summary>
    public const string Direct = "direct";

    /// <summary>
    /// Parties only (e.g. a four-party joint meeting, 四方联动联席会议): organisations, each through named representatives staff
    /// add to the panel; no affected group is defined and no election runs.
    /// </summary>
    public const string Parties = "parties";

    /// <summary>Every mode.</summary>
    public static IReadOnlyList<string> All { get; } = [Elected, Direct, Parties];
}
