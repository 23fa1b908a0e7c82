using System.Text.Json.Nodes;
using Deliberation.Civic.Participation;

namespace Deliberation.Civic.Tests.Implementation;

[Trait("Category", "Deliberation")]
public sealed class ProgressFormTests
{
    private static readonly TaskForm Form = TaskForm.Parse("""{"form":"progress","description":"任务：更换控制柜"}""");

    [Fact]
    public void Parse_ProgressForm_IsProgressWithoutOptions()
    {
        Assert.True(Form.IsProgress);
        Assert.Empty(Form.Options);
        Assert.False(Form.CommentRequired);
        Assert.Equal("任务：更换控制柜", Form.Description);
    }

    [Fact]
    public void TryParse_ProgressWithOptions_IsRefused() =>
        Assert.False(TaskForm.TryParse(JsonNode.Parse("""{"form":"progress","options":[{"value":"a"}]}"""), out _, out _));

    [Fact]
    public void TryParse_UnknownForm_IsRefused() => Assert.False(TaskForm.TryParse(JsonNode.Parse("""{"form":"survey"}"""), out _, out _));

    [Fact]
    public void TryNormalize_Percent_KeepsNoteAndPhoto()
    {
        var photo = Guid.NewGuid();
        Assert.Null(Form.TryNormalize(JsonNode.Parse($$"""{"percent":60,"comment":"  已到货 ","photoId":"{{photo}}"}"""), out var answer));
        Assert.Equal($$"""{"percent":60,"done":false,"comment":"已到货","photoId":"{{photo:N}}"}""", TaskForm.Serialize(answer));
        Assert.Equal((60, false, photo), TaskForm.ProgressOf(answer.ToJsonString()));
    }

    [Fact]
    public void TryNormalize_Done_IsAHundredWhateverWasTyped()
    {
        Assert.Null(Form.TryNormalize(JsonNode.Parse("""{"percent":40,"done":true}"""), out var answer));
        Assert.Equal("""{"percent":100,"done":true}""", answer.ToJsonString());
        Assert.Null(Form.TryNormalize(JsonNode.Parse("""{"done":true}"""), out _));
    }

    [Theory]
    [InlineData("""{"comment":"还在做"}""", AnswerProblem.PercentRequired)]
    [InlineData("""{"percent":101}""", AnswerProblem.PercentOutOfRange)]
    [InlineData("""{"percent":-1}""", AnswerProblem.PercentOutOfRange)]
    [InlineData("""{"percent":50.5}""", AnswerProblem.PercentOutOfRange)]
    [InlineData("""{"percent":"50"}""", AnswerProblem.Malformed)]
    [InlineData("""{"percent":50,"choice":"a"}""", AnswerProblem.Malformed)]
    [InlineData("""{"percent":50,"photoId":"not-an-id"}""", AnswerProblem.Malformed)]
    public void TryNormalize_BadReport_SaysWhy(string json, AnswerProblem expected) => Assert.Equal(expected, Form.TryNormalize(JsonNode.Parse(json), out _));

    [Theory]
    [InlineData("80", false, null, 80)]
    [InlineData("80%", false, null, 80)]
    [InlineData("", true, null, 100)]
    [InlineData("", false, AnswerProblem.PercentRequired, 0)]
    [InlineData("八十", false, AnswerProblem.PercentOutOfRange, 0)]
    public void TryBuildProgress_FromFormFields(string percent, bool done, AnswerProblem? expected, int recorded)
    {
        var problem = Form.TryBuildProgress(percent, done, null, null, out var answer);
        Assert.Equal(expected, problem);
        if (problem is null) Assert.Equal(recorded, (int)answer["percent"]!);
    }

    [Fact]
    public void ChoiceForm_IsNotProgress() => Assert.False(TaskForm.Parse("""{"options":[{"value":"a","label":"同意"}]}""").IsProgress);
}
