using Deliberation.Engine.Definitions;

namespace Deliberation.Engine.Activities.BuiltIn;

/// <summary>Palette categories of the built-in activities.</summary>
public static class Categories
{
    /// <summary>Flow control.</summary>
    public static readonly LocalizedText Flow = new("流程控制", "Flow");
    /// <summary>Variables and data.</summary>
    public static readonly LocalizedText Data = new("数据", "Data");
    /// <summary>Timers and waits.</summary>
    public static readonly LocalizedText Time = new("时间与等待", "Time and waits");
    /// <summary>Email and documents.</summary>
    public static readonly LocalizedText Communication = new("通知与文书", "Messages and documents");
}
