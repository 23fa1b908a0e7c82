using Deliberation.Civic.Communities;

namespace Deliberation.Civic.Tests.Communities;

public sealed class ContactTests
{
    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("+8613812345678", "+861******5678")]
    [InlineData("075512345678", "075*****5678")]
    [InlineData("12345678", "****5678")]
    [InlineData("1234567", "***4567")]
    public void Mask_KeepsFirstThreeAndLastFourOfLongNumbersOnlyLastFourOfShortOnes(string phone, string expected)
    {
        Assert.Equal(expected, PhoneNumbers.Mask(phone));
    }

    [Theory]
    [InlineData("138-1234-5678", "13812345678")]
    [InlineData("+86 138 1234 5678", "+8613812345678")]
    [InlineData(" 0755-12345678 ", "075512345678")]
    public void TryNormalize_DigitsWithSeparators_DropsTheSeparators(string text, string expected)
    {
        Assert.True(PhoneNumbers.TryNormalize(text, out var normalized));
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("123456")]
    [InlineData("123456789012345678901")]
    [InlineData("138.1234.5678")]
    [InlineData("138+12345678")]
    [InlineData("电话13812345678")]
    public void TryNormalize_NotAPhoneNumber_Refused(string text)
    {
        Assert.False(PhoneNumbers.TryNormalize(text, out _));
    }

    [Theory]
    [InlineData("wang@example.com", true)]
    [InlineData("wang.xiaoming+roster@mail.example.cn", true)]
    [InlineData("wang@", false)]
    [InlineData("@example.com", false)]
    [InlineData("wang@example", false)]
    [InlineData("wang@@example.com", false)]
    [InlineData("wang xiao@example.com", false)]
    [InlineData("王 <wang@example.com>", false)]
    [InlineData("=HYPERLINK(\"x\")@example.com", false)]
    public void IsValid_PlainAddressesOnly(string address, bool valid)
    {
        Assert.Equal(valid, EmailAddresses.IsValid(address));
    }
}
