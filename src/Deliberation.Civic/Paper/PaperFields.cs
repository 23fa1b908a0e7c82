using Deliberation.Engine.Runtime;

namespace Deliberation.Civic.Paper;

/// <summary>Why a paper answer is refused, in both languages.</summary>
public static class PaperFields
{
#pragma warning disable CS1591 // each message says what it is
    public static readonly FieldMessage WrongHousehold = new("paper-wrong-household",
        "This sheet belongs to another household: check the number printed on the sheet.", "这张答复单属于另一户：请核对答复单上印的编号。");
#pragma warning restore CS1591
}
