using Deliberation.Engine.Definitions;

namespace Deliberation.Civic;

/// <summary>
/// What the generic activities share — those that are not one step of 烦事有计倾 but serve any process staff design
/// (ask people something, notify them): their palette category.
/// </summary>
internal static class GenericSteps
{
    /// <summary>The palette category of the generic participation activities.</summary>
    public static readonly LocalizedText Category = new("征询与通知", "Ask and notify");
}
