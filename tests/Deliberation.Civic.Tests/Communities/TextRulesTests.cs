using Deliberation.Civic;

namespace Deliberation.Civic.Tests.Communities;

/// <summary>The one rule for typed text: trimmed length, and no control characters or direction overrides.</summary>
[Trait("Category", "BadInput")]
public sealed class TextRulesTests
{
    [Theory]
    [InlineData("5栋电梯经常停运", true, false, null)]
    [InlineData("  ", true, false, "required-at-most")]
    [InlineData("  ", false, false, null)]
    [InlineData("电梯\u0007停运", true, false, "text-invalid-characters")]
    [InlineData("电梯\u202E运停", true, false, "text-invalid-characters")]
    [InlineData("电梯\u2066停运\u2069", true, false, "text-invalid-characters")]
    [InlineData("第一行\n第二行", true, false, "text-invalid-characters")]
    [InlineData("一行\n二行\t说明", true, true, null)]
    [InlineData("<b>也是字</b>", true, false, null)]
    [InlineData("一二三四五六七八九十一", true, false, "required-at-most")]
    [InlineData("一二三四五六七八九十一", false, false, "at-most-characters")]
    public void Check_RefusesWhatShouldNeverBeStored(string text, bool required, bool multiline, string? code)
    {
        Assert.Equal(code, TextRules.Check(text, 10, required, multiline)?.Code);
    }
}
