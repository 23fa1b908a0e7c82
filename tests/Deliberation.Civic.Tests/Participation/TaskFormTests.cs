using System.Text.Json.Nodes;
using Deliberation.Civic.Participation;

namespace Deliberation.Civic.Tests.Participation;

[Trait("Category", "Deliberation")]
public sealed class TaskFormTests
{
    private static TaskForm Form(string json)
    {
        Assert.True(TaskForm.TryParse(JsonNode.Parse(json), out var form, out var error), error);
        return form;
    }

    private const string Single = """{"options":[{"value":"a","label":"同意"},{"value":"b","label":"不同意"}],"allowComment":true}""";
    private const string Multiple = """{"options":[{"value":"mon","label":"周一晚"},{"value":"tue","label":"周二晚"}],"multiple":true}""";

    [Fact]
    public void TryBuildAnswer_SingleChoiceWithComment_RecordsChoiceAndTrimmedComment()
    {
        var problem = Form(Single).TryBuildAnswer(["b"], "  电梯噪音太大  ", out var answer);

        Assert.Null(problem);
        Assert.Equal("""{"choice":"b","comment":"电梯噪音太大"}""", TaskForm.Serialize(answer));
    }

    [Fact]
    public void TryBuildAnswer_SingleChoiceWithTwoChoices_IsRefused()
    {
        Assert.Equal(AnswerProblem.SingleChoiceOnly, Form(Single).TryBuildAnswer(["a", "b"], null, out _));
    }

    [Fact]
    public void TryBuildAnswer_NoChoice_IsRefused()
    {
        Assert.Equal(AnswerProblem.ChoiceRequired, Form(Single).TryBuildAnswer([], "只写说明", out _));
    }

    [Fact]
    public void TryBuildAnswer_UnknownValue_IsRefused()
    {
        Assert.Equal(AnswerProblem.UnknownChoice, Form(Single).TryBuildAnswer(["z"], null, out _));
    }

    [Fact]
    public void TryBuildAnswer_MultipleChoice_RecordsChoicesInOptionOrder()
    {
        Assert.Null(Form(Multiple).TryBuildAnswer(["tue", "mon", "tue"], null, out var answer));

        Assert.Equal("""{"choices":["mon","tue"]}""", TaskForm.Serialize(answer));
    }

    [Fact]
    public void TryBuildAnswer_IdOptionChosenWithoutHyphens_RecordsTheOptionsSpelling()
    {
        var id = Guid.NewGuid();
        var form = Form($$"""{"options":[{"value":"{{id}}","label":"张一"}]}""");

        Assert.Null(form.TryBuildAnswer([id.ToString("N")], null, out var answer));

        Assert.Equal(id.ToString(), (string)answer["choice"]!);
    }

    [Fact]
    public void TryBuildAnswer_OlderBallotWithIdsWithoutHyphens_AcceptsTheHyphenatedId()
    {
        var id = Guid.NewGuid();
        var form = Form($$"""{"options":[{"value":"{{id:N}}","label":"张一"}]}""");

        Assert.Null(form.TryBuildAnswer([id.ToString()], null, out var answer));

        Assert.Equal(id.ToString("N"), (string)answer["choice"]!);
    }

    [Fact]
    public void TryBuildAnswer_MoreThanMaxChoices_IsRefused()
    {
        var form = Form("""{"options":[{"value":"a","label":"甲"},{"value":"b","label":"乙"},{"value":"c","label":"丙"}],"multiple":true,"maxChoices":2}""");

        Assert.Equal(AnswerProblem.TooManyChoices, form.TryBuildAnswer(["a", "b", "c"], null, out _));
        Assert.Null(form.TryBuildAnswer(["c", "a"], null, out var answer));
        Assert.Equal("""{"choices":["a","c"]}""", TaskForm.Serialize(answer));
    }

    [Theory]
    [InlineData("""{"options":[{"value":"a"}],"maxChoices":1}""")]
    [InlineData("""{"options":[{"value":"a"}],"multiple":true,"maxChoices":0}""")]
    [InlineData("""{"options":[{"value":"a"}],"multiple":true,"maxChoices":"2"}""")]
    public void TryParse_BadMaxChoices_IsRefused(string json)
    {
        Assert.False(TaskForm.TryParse(JsonNode.Parse(json), out _, out var error));
        Assert.Contains("maxChoices", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryBuildAnswer_CommentWhereNoneIsAllowed_IsRefused()
    {
        Assert.Equal(AnswerProblem.CommentNotAllowed, Form(Multiple).TryBuildAnswer(["mon"], "都可以", out _));
    }

    [Fact]
    public void TryBuildAnswer_NoOptions_TheCommentIsTheAnswerAndRequired()
    {
        var form = Form("{}");

        Assert.Equal(AnswerProblem.CommentRequired, form.TryBuildAnswer([], "  ", out _));
        Assert.Null(form.TryBuildAnswer([], "已完成一半", out var answer));
        Assert.Equal("""{"comment":"已完成一半"}""", TaskForm.Serialize(answer));
    }

    [Fact]
    public void TryNormalize_UnknownKeyOrWrongType_IsMalformed()
    {
        var form = Form(Single);

        Assert.Equal(AnswerProblem.Malformed, form.TryNormalize(JsonNode.Parse("""{"choice":"a","vote":1}"""), out _));
        Assert.Equal(AnswerProblem.Malformed, form.TryNormalize(JsonNode.Parse("""{"choice":1}"""), out _));
        Assert.Equal(AnswerProblem.Malformed, form.TryNormalize(JsonNode.Parse("[]"), out _));
        Assert.Equal(AnswerProblem.Malformed, form.TryNormalize(null, out _));
    }

    [Fact]
    public void TryNormalize_CommentTooLong_IsRefused()
    {
        Assert.Equal(AnswerProblem.CommentTooLong, Form(Single).TryBuildAnswer(["a"], new string('长', TaskForm.MaxCommentLength + 1), out _));
    }

    [Theory]
    [InlineData("""{"options":{}}""")]
    [InlineData("""{"options":[{"label":"无值"}]}""")]
    [InlineData("""{"options":[{"value":"a"},{"value":"a"}]}""")]
    [InlineData("""{"multiple":"yes"}""")]
    [InlineData("""[]""")]
    public void TryParse_InvalidData_SaysWhy(string json)
    {
        Assert.False(TaskForm.TryParse(JsonNode.Parse(json), out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void LabelsOf_RecordedAnswer_ListsLabelsInOptionOrder()
    {
        Assert.Equal(["周一晚", "周二晚"], Form(Multiple).LabelsOf("""{"choices":["tue","mon"]}"""));
    }
}
