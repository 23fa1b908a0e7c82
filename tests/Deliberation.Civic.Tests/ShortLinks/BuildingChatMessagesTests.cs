using Deliberation.Civic.ShortLinks;

namespace Deliberation.Civic.Tests.ShortLinks;

public sealed class BuildingChatMessagesTests
{
    private static readonly ChatNotice Lift = new(Guid.NewGuid(), "【公示】大龙社区：老人上楼难 已列为协商议题", "https://yiyi.example.cn/s/abcdefghjk");
    private static readonly ChatNotice Result = new(Guid.NewGuid(), "【结果公示】加装电梯方案", "https://yiyi.example.cn/s/ABCDEFGHJK");

    [Fact]
    public void Compose_OneNotice_HeadingTitleWithoutPrefixAndShortLink()
    {
        var message = BuildingChatMessages.Compose("大龙社区", "1栋", [Lift]);
        var lines = message.Split('\n');
        Assert.Equal("【大龙社区公示】1栋的各位邻居：", lines[0]);
        Assert.Equal("大龙社区：老人上楼难 已列为协商议题", lines[1]);
        Assert.Equal("详情及留言：https://yiyi.example.cn/s/abcdefghjk", lines[2]);
        Assert.Contains("楼长", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_TwoNoticesAndANameWithoutSheQu_NumberedAndSheQuAdded()
    {
        var message = BuildingChatMessages.Compose("金山", "东苑2栋", [Lift, Result]);
        Assert.StartsWith("【金山社区公示】东苑2栋的各位邻居：\n1. 大龙社区：", message, StringComparison.Ordinal);
        Assert.Contains("\n2. 【结果公示】加装电梯方案\n详情及留言：https://yiyi.example.cn/s/ABCDEFGHJK\n", message, StringComparison.Ordinal);
    }
}
