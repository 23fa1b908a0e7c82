using System.Text.Json.Nodes;
using Deliberation.Civic.Asking;
using Deliberation.Civic.Participation;
using Deliberation.Engine.Runtime;

namespace Deliberation.Civic.Tests.Asking;

[Trait("Category", "Deliberation")]
public sealed class AskFormTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8));

    private static AskForm Build(string kind, string? options = null, bool allowComment = true) =>
        AskForm.Build(kind, options is null ? null : JsonValue.Create(options), "请在周五前答复", allowComment, Now, "ask");

    private static string Code(Action act) => Assert.Throws<ActivityFaultException>(act).Error.Code;

    [Fact]
    public void Build_YesNo_OffersYesAndNoThatTheAnswerPageReads()
    {
        var form = Build(AskFormKinds.YesNo);

        Assert.Equal(["yes:是", "no:否"], form.Options.Select(o => $"{o.Value}:{o.Label}"));
        Assert.True(TaskForm.TryParse(form.Data, out var parsed, out _));
        Assert.False(parsed.Multiple);
        Assert.True(parsed.AllowComment);
        Assert.Equal("请在周五前答复", parsed.Description);
        Assert.Null(parsed.TryNormalize(JsonNode.Parse("""{"choice":"yes"}"""), out _));
    }

    [Fact]
    public void Build_ProgressPhoto_IsTheProgressFormTakingAPercentageOrDoneAndANote()
    {
        var form = Build(AskFormKinds.ProgressPhoto, "这些选项不用");

        Assert.Empty(form.Options);
        Assert.True(TaskForm.TryParse(form.Data, out var parsed, out _));
        Assert.True(parsed.IsProgress);
        Assert.Equal("请在周五前答复", parsed.Description);
        Assert.Null(parsed.TryNormalize(JsonNode.Parse("""{"percent":40,"comment":"已采购灯具"}"""), out var report));
        Assert.Equal("""{"percent":40,"done":false,"comment":"已采购灯具"}""", TaskForm.Serialize(report));
        Assert.Null(parsed.TryNormalize(JsonNode.Parse("""{"done":true}"""), out var done));
        Assert.Equal(100, (int)done["percent"]!);
        Assert.Equal(AnswerProblem.PercentRequired, parsed.TryNormalize(JsonNode.Parse("""{"comment":"没写比例"}"""), out _));
        Assert.Equal(AnswerProblem.PercentOutOfRange, parsed.TryNormalize(JsonNode.Parse("""{"percent":120}"""), out _));
        Assert.Equal(AnswerProblem.Malformed, parsed.TryNormalize(JsonNode.Parse("""{"choice":"yes"}"""), out _));
    }

    [Fact]
    public void Build_YesNoWithTwoLabels_KeepsTheValuesAndShowsTheLabels() =>
        Assert.Equal(["yes:同意", "no:不同意"], Build(AskFormKinds.YesNo, "同意\n不同意").Options.Select(o => $"{o.Value}:{o.Label}"));

    [Fact]
    public void Build_Rsvp_IsAttendOrNot() =>
        Assert.Equal(["yes:参加", "no:不参加"], Build(AskFormKinds.Rsvp).Options.Select(o => $"{o.Value}:{o.Label}"));

    [Fact]
    public void Build_SingleChoice_EachLineIsAnOption()
    {
        var form = Build(AskFormKinds.SingleChoice, "方案一：加装电梯\n方案二：维修楼梯\r\n\n方案三：暂缓");

        Assert.Equal(["方案一：加装电梯", "方案二：维修楼梯", "方案三：暂缓"], form.Options.Select(o => o.Value));
        Assert.False((bool)form.Data["multiple"]!);
    }

    [Fact]
    public void Build_MultipleChoiceOnOneLine_SeparatedByIdeographicCommas()
    {
        var form = Build(AskFormKinds.MultipleChoice, "绿化、停车、照明", allowComment: false);

        Assert.Equal(["绿化", "停车", "照明"], form.Options.Select(o => o.Value));
        Assert.True((bool)form.Data["multiple"]!);
        Assert.False((bool)form.Data["allowComment"]!);
    }

    [Fact]
    public void Build_Rating_OffersOneToFive() =>
        Assert.Equal(["1", "2", "3", "4", "5"], Build(AskFormKinds.Rating, "ignored").Options.Select(o => o.Value));

    [Fact]
    public void Build_FreeText_HasNoOptionsAndTheCommentIsTheAnswer()
    {
        var form = Build(AskFormKinds.FreeText);

        Assert.Empty(form.Options);
        Assert.True(TaskForm.TryParse(form.Data, out var parsed, out _));
        Assert.True(parsed.CommentRequired);
    }

    [Fact]
    public void Build_TimePoll_SortsTheTimesOnBeijingClock_AndTakesAComment()
    {
        var form = Build(AskFormKinds.TimePoll, "2026-12-02T10:00:00Z\n2026-12-01T18:00");

        Assert.Equal(["2026-12-01T18:00+08:00", "2026-12-02T18:00+08:00"], form.Options.Select(o => o.Value));
        Assert.Equal("2026年12月1日 18:00", form.Options[0].Label);
        Assert.True((bool)form.Data["multiple"]!);
        Assert.True((bool)form.Data["allowComment"]!);
    }

    [Theory]
    [InlineData("survey", null, "ask-form-kind")]
    [InlineData("", null, "ask-form-kind")]
    [InlineData(AskFormKinds.SingleChoice, null, "ask-options-required")]
    [InlineData(AskFormKinds.SingleChoice, "只有一个", "ask-options-required")]
    [InlineData(AskFormKinds.YesNo, "同意\n不同意\n弃权", "ask-options-required")]
    [InlineData(AskFormKinds.MultipleChoice, "甲\n甲", "ask-option-invalid")]
    [InlineData(AskFormKinds.TimePoll, "2026-11-20T18:00\n2026-12-01T18:00", "ask-time-option")]
    [InlineData(AskFormKinds.TimePoll, "下周一晚上\n2026-12-01T18:00", "ask-time-option")]
    public void Build_BadKindOrOptions_FaultsWithItsCode(string kind, string? options, string code) =>
        Assert.Equal(code, Code(() => Build(kind, options)));
}
