using Deliberation.Engine.Runtime;

namespace Deliberation.Civic.Minutes;

/// <summary>What can be wrong with a staff change to draft minutes, in both languages.</summary>
public static class MinutesFields
{
#pragma warning disable CS1591 // each message says what it is
    public static readonly FieldMessage Unchanged = new("minutes-section-unchanged",
        "The section already reads so; change the text, or answer the objection instead.", "该节内容没有变化：请修改文字，或改为答复异议。");
#pragma warning restore CS1591
}
