using System.Reflection;
using System.Text.RegularExpressions;
using Deliberation.Civic.Meetings;
using Deliberation.Engine.Runtime;

namespace Deliberation.Host.Tests.Api;

/// <summary>
/// Every field message declared in the code has a stable code and both languages, with the same placeholders: the
/// API translates by code, so a message without Chinese would reach the Chinese UI in English.
/// </summary>
public sealed partial class FieldMessageCatalogueTests
{
    private static readonly IReadOnlyList<(string Where, FieldMessage Message)> Declared =
        new[] { typeof(FieldMessage).Assembly, typeof(MeetingFields).Assembly, typeof(Program).Assembly }
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                .Where(f => f.FieldType == typeof(FieldMessage))
                .Select(f => ($"{t.Name}.{f.Name}", (FieldMessage)f.GetValue(null)!)))
            .ToList();

    [Fact]
    public void Declared_EveryMessage_HasACodeAndBothLanguagesWithTheSamePlaceholders()
    {
        Assert.NotEmpty(Declared);
        Assert.All(Declared, d =>
        {
            Assert.Matches(CodeShape(), d.Message.Code);
            Assert.False(string.IsNullOrWhiteSpace(d.Message.En), $"{d.Where} has no English.");
            Assert.False(string.IsNullOrWhiteSpace(d.Message.ZhCn), $"{d.Where} has no Chinese.");
            Assert.True(ContainsHan(d.Message.ZhCn), $"{d.Where}'s Chinese is not Chinese: {d.Message.ZhCn}");
            Assert.Equal(FieldMessage.ValueNames(d.Message.En).Order(StringComparer.Ordinal).Distinct(),
                FieldMessage.ValueNames(d.Message.ZhCn).Order(StringComparer.Ordinal).Distinct());
        });
    }

    [Fact]
    public void Declared_Codes_AreUnique()
    {
        var duplicated = Declared.GroupBy(d => d.Message.Code).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        Assert.Empty(duplicated);
    }

    [Fact]
    public void Format_FillsThePlaceholdersInEachLanguage()
    {
        var error = CommonFields.RequiredAtMost.With(("max", 200));

        Assert.Equal("Required, at most 200 characters.", error.Format(english: true));
        Assert.Equal("必填，最多 200 个字符。", error.Format(english: false));
        Assert.Equal("required-at-most", error.Code);
    }

    private static bool ContainsHan(string text) => text.Any(c => c is >= '\u4e00' and <= '\u9fff');

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex CodeShape();
}
