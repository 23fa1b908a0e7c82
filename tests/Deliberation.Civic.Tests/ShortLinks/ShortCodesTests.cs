using Deliberation.Civic.ShortLinks;

namespace Deliberation.Civic.Tests.ShortLinks;

public sealed class ShortCodesTests
{
    [Fact]
    public void Alphabet_LooksAlikeLeftOut_EachCharacterOnce()
    {
        foreach (var c in "0O1lIo") Assert.DoesNotContain(c, ShortCodes.Alphabet);
        Assert.Equal(ShortCodes.Alphabet.Length, ShortCodes.Alphabet.Distinct().Count());
        Assert.Equal(56, ShortCodes.Alphabet.Length);
        Assert.All(ShortCodes.Alphabet, c => Assert.True(char.IsAsciiLetterOrDigit(c)));
    }

    [Fact]
    public void Create_ManyCodes_TenCharactersOfTheAlphabetAllDifferentAndEveryCharacterUsed()
    {
        var codes = Enumerable.Range(0, 20_000).Select(_ => ShortCodes.Create()).ToList();
        Assert.All(codes, code =>
        {
            Assert.Equal(ShortCodes.Length, code.Length);
            Assert.True(ShortCodes.IsCode(code), code);
        });
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(ShortCodes.Alphabet.Order(), codes.SelectMany(c => c).Distinct().Order());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abcdefghj")]
    [InlineData("abcdefghjkm")]
    [InlineData("abcdefgh0k")]
    [InlineData("abcdefghlk")]
    [InlineData("abcdefghOk")]
    [InlineData("abcdefgh-k")]
    [InlineData("abcdefgh九k")]
    public void IsCode_NotACode_False(string? code) => Assert.False(ShortCodes.IsCode(code));

    [Fact]
    public void IsCode_CaseMatters_BothCasesAreCodes()
    {
        Assert.True(ShortCodes.IsCode("abcdefghjk"));
        Assert.True(ShortCodes.IsCode("ABCDEFGHJK"));
    }
}
