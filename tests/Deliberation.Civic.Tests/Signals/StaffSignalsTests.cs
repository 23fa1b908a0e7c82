using System.Reflection;
using Deliberation.Civic.Signals;

namespace Deliberation.Civic.Tests.Signals;

/// <summary>The designer's list of signals is the domain's: every signal a store sends is listed, with words and payload.</summary>
public sealed class StaffSignalsTests
{
    [Fact]
    public void All_ListsEverySignalConstantOfTheDomain()
    {
        var constants = typeof(StaffSignals).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string) && (f.Name.EndsWith("Signal", StringComparison.Ordinal) || f.Name.EndsWith("SignalPrefix", StringComparison.Ordinal)))
            .Select(f => (Field: $"{f.DeclaringType!.Name}.{f.Name}", Value: (string)f.GetRawConstantValue()!))
            .ToList();
        var listed = StaffSignals.All.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(constants);
        Assert.All(constants, c => Assert.True(listed.Contains(c.Value), $"{c.Field} = '{c.Value}' is not in StaffSignals.All"));
    }

    [Fact]
    public void All_EachHasChineseAndEnglishWords_AUniqueName_AndItsPayload()
    {
        Assert.Equal(StaffSignals.All.Count, StaffSignals.All.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.All(StaffSignals.All, s =>
        {
            Assert.False(string.IsNullOrWhiteSpace(s.DisplayName.ZhCN));
            Assert.False(string.IsNullOrWhiteSpace(s.SentWhen.En));
            Assert.NotEmpty(s.Payload);
            Assert.All(s.Payload, f => Assert.False(string.IsNullOrWhiteSpace(f.Description.ZhCN)));
        });
    }
}
