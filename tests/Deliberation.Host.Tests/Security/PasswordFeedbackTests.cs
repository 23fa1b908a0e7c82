using System.Diagnostics;
using Deliberation.Host.Auth;

namespace Deliberation.Host.Tests.Security;

/// <summary>What zxcvbn finds in a weak password becomes a warning and suggestions a person can act on.</summary>
[Trait("Category", "Security")]
public sealed class PasswordFeedbackTests
{
    private static List<string> CodesOf(string password, params string?[] personal) =>
        [.. PasswordStrength.Weaknesses(password, personal).Select(e => e.Code)];

    [Theory]
    [InlineData("aaaaaaaaaaaaaaa", "password-repeated-character", "password-avoid-repeats")]
    [InlineData("asdfghjkl;'", "password-keyboard-row", "password-avoid-keyboard")]
    [InlineData("qwerfdsazxcv", "password-keyboard-pattern", "password-avoid-keyboard")]
    [InlineData("abcdefghijk", "password-sequence", "password-avoid-sequences")]
    [InlineData("1988-05-12", "password-date", "password-avoid-dates")]
    [InlineData("19880512", "password-date", "password-avoid-dates")]
    [InlineData("kq1988", "password-year", "password-avoid-dates")]
    [InlineData("michaelsmith", "password-names", null)]
    [InlineData("poiuytrewq", "password-common", null)]
    [InlineData("battery", "password-single-word", null)]
    public void Weaknesses_Pattern_WarnsAndSuggests(string password, string warning, string? suggestion)
    {
        var codes = CodesOf(password);

        string[] expected = suggestion is null ? ["password-weak", warning, "password-add-words"] : ["password-weak", warning, "password-add-words", suggestion];
        Assert.Equal(expected, codes);
    }

    [Fact]
    public void Weaknesses_SubstitutedCapitalisedCommonPassword_SaysNeitherHelps()
    {
        var codes = CodesOf("P@ssw0rd123");

        Assert.Equal(["password-weak", "password-like-common", "password-add-words", "password-capitals", "password-substitutions"], codes);
    }

    [Fact]
    public void Weaknesses_PartOfTheEmail_WarnsThatItIsPersonal()
    {
        Assert.Empty(CodesOf("harbour-lantern-1207"));
        Assert.Contains("password-personal", CodesOf("harbour-lantern-1207", "harbour.lantern@test.local", "周明辉"));
    }

    [Fact]
    public void Weaknesses_LongPassphrase_None()
    {
        Assert.Empty(CodesOf("lanterns-orchard-quietly-73", "admin@test.local", "管理员"));
    }

    [Fact]
    public void Weaknesses_EveryMessage_HasChinese()
    {
        var errors = PasswordStrength.Weaknesses("P@ssw0rd123", []);

        Assert.All(errors, e => Assert.Contains(e.Format(english: false), c => c is >= '\u4e00' and <= '\u9fff'));
    }

    [Fact]
    public void Weaknesses_VeryLongPassword_ScoresOnlyItsStartAndAnswersQuickly()
    {
        // Scored whole, 2,000 repeated characters take zxcvbn half a minute; 50,000 would take hours.
        var watch = Stopwatch.StartNew();

        var codes = CodesOf(new string('a', 50_000));

        Assert.Equal("password-repeated-character", codes[1]);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
    }
}
