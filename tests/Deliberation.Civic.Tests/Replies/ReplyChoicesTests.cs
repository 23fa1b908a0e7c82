using System.Text.Json.Nodes;
using Deliberation.Civic.Asking;
using Deliberation.Civic.Participation;
using Deliberation.Civic.Replies;

namespace Deliberation.Civic.Tests.Replies;

[Trait("Category", "Deliberation")]
public sealed class ReplyChoicesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8));

    private static TaskForm Form(string kind, string? options = null, bool allowComment = true) =>
        TaskForm.Parse(AskForm.Build(kind, options is null ? null : JsonValue.Create(options), null, allowComment, Now, "ask").Data.ToJsonString());

    private static string? Read(TaskForm form, string text) => ReplyChoices.Read(form, text) is { } answer ? TaskForm.Serialize(answer) : null;

    [Theory]
    [InlineData("1", """{"choice":"yes"}""")]
    [InlineData("２", """{"choice":"no"}""")]
    [InlineData("同意", """{"choice":"yes"}""")]
    [InlineData("不同意。", """{"choice":"no"}""")]
    [InlineData("同意，但希望周末施工", """{"choice":"yes","comment":"但希望周末施工"}""")]
    [InlineData("反对", """{"choice":"no"}""")]
    [InlineData("是", """{"choice":"yes"}""")]
    public void Read_YesNoWithOwnLabels_TakesTheNumberTheWordsOrACommonWord(string text, string expected) =>
        Assert.Equal(expected, Read(Form(AskFormKinds.YesNo, "同意\n不同意"), text));

    [Theory]
    [InlineData("3")]
    [InlineData("0")]
    [InlineData("1 2")]
    [InlineData("同意吗")]
    [InlineData("下周再说吧")]
    [InlineData("1号楼的意见")]
    [InlineData("")]
    public void Read_UnclearYesNo_IsNull(string text) => Assert.Null(Read(Form(AskFormKinds.YesNo, "同意\n不同意"), text));

    [Fact]
    public void Read_Rsvp_TakesParticipateAndNot()
    {
        var form = Form(AskFormKinds.Rsvp);
        Assert.Equal("""{"choice":"yes"}""", Read(form, "参加"));
        Assert.Equal("""{"choice":"no"}""", Read(form, "不参加"));
    }

    [Fact]
    public void Read_TimePoll_TakesSeveralNumbersAndTheLinesAfterAsAComment()
    {
        var form = Form(AskFormKinds.TimePoll, "2026-12-01T19:00\n2026-12-02T19:00\n2026-12-03T19:00");
        Assert.Equal(["2026-12-01T19:00+08:00", "2026-12-03T19:00+08:00"], ReplyChoices.Read(form, "3、1")!["choices"]!.AsArray().Select(c => (string)c!));
        var withComment = ReplyChoices.Read(form, "2\n七点后才到")!;
        Assert.Equal(("2026-12-02T19:00+08:00", "七点后才到"), ((string)withComment["choices"]![0]!, (string)withComment["comment"]!));
        Assert.Null(Read(form, "1 4"));
    }

    [Fact]
    public void Read_CommentNotAllowed_RecordsTheChoiceWithoutTheExtraWords() =>
        Assert.Equal("""{"choice":"a"}""", Read(Form(AskFormKinds.SingleChoice, "a\nb", allowComment: false), "1 谢谢"));

    [Fact]
    public void Read_FreeText_TakesTheWholeText() =>
        Assert.Equal("""{"comment":"楼道灯坏了\n请尽快修"}""", Read(Form(AskFormKinds.FreeText), "楼道灯坏了\n请尽快修"));

    [Fact]
    public void Extract_ReplyWithQuoteAndPhoneSignature_KeepsOnlyTheWords()
    {
        var text = "2\r\n我晚上有空\r\n\r\n发自我的iPhone\r\n\r\n在 2026年11月23日 09:00，社区 <a@b.cn> 写道：\r\n> 请回复 1\r\n";
        Assert.Equal("2\n我晚上有空", ReplyText.Extract(text));
        Assert.Equal("1", ReplyText.Extract("1\n\n------------------ 原始邮件 ------------------\n发件人: 社区\n"));
        Assert.Equal("同意", ReplyText.Extract("> quoted\n同意\n-- \n王芳\n"));
        Assert.Equal("1", ReplyText.Extract("1\nOn Mon, 23 Nov 2026 at 09:00, Community <a@b.cn> wrote:\n> x"));
    }
}
