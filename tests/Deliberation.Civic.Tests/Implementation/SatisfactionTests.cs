using Deliberation.Civic.Implementation;

namespace Deliberation.Civic.Tests.Implementation;

[Trait("Category", "Deliberation")]
public sealed class SatisfactionTests
{
    [Fact]
    public void Summarize_CountsEachChoiceAndTheSilent()
    {
        var summary = Satisfaction.Summarize([Satisfaction.Satisfied, Satisfaction.FairlySatisfied, Satisfaction.Dissatisfied, Satisfaction.Satisfied, null, "other"]);

        Assert.Equal((2, 1, 1, 2, 6, 4), (summary.Satisfied, summary.FairlySatisfied, summary.Dissatisfied, summary.NoAnswer, summary.Asked, summary.Answered));
        Assert.Equal(75, summary.ContentPercent);
        Assert.Equal("回访 6 人，满意 2 人、基本满意 1 人、不满意 1 人，未答复 2 人；满意及基本满意占答复者的 75%。", summary.DescribeZh());
    }

    [Fact]
    public void Summarize_NobodyAnswered_HasNoPercentage()
    {
        var summary = Satisfaction.Summarize([null, null]);
        Assert.Null(summary.ContentPercent);
        Assert.Equal("回访 2 人，满意 0 人、基本满意 0 人、不满意 0 人，未答复 2 人。", summary.DescribeZh());
    }

    [Fact]
    public void Summarize_NobodyAsked_SaysSo() => Assert.Equal("未进行回访：议事小组中没有可回访的利益代表或相关方。", Satisfaction.Summarize([]).DescribeZh());

    [Fact]
    public void TaskData_OffersTheThreeChoicesInOrder()
    {
        var data = Satisfaction.TaskData("请评价");
        Assert.True(Deliberation.Civic.Participation.TaskForm.TryParse(data, out var form, out _));
        Assert.Equal(["满意", "基本满意", "不满意"], form.Options.Select(o => o.Label));
        Assert.True(form.AllowComment);
    }
}
