using Deliberation.Civic.Asking;
using Deliberation.Civic.Participation;

namespace Deliberation.Civic.Tests.Asking;

[Trait("Category", "Deliberation")]
public sealed class AskTallyTests
{
    private static readonly TaskOption[] YesNo = [new("yes", "是"), new("no", "否")];

    private static AskedPerson Answered(string json, string channel = "link") => new(Guid.NewGuid(), json, channel);

    private static AskedPerson Silent() => new(Guid.NewGuid(), null, null);

    [Fact]
    public void CountAndAnswers_ProgressPhoto_TheLatestReportsMeanPercentageDoneAndPhotos()
    {
        var (task, answer) = (Guid.NewGuid(), Guid.NewGuid());
        var withPhoto = new AskedPerson(Guid.NewGuid(), """{"percent":60,"done":false,"comment":"一至三层已更换"}""", "link", (task, answer));
        var done = Answered("""{"percent":100,"done":true}""");
        var asked = new[] { withPhoto, done, Silent() };

        var tally = AskTally.Count(AskFormKinds.ProgressPhoto, [], asked);
        var answers = AskTally.Answers(asked, AskFormKinds.ProgressPhoto);

        Assert.Equal((3, 2, 80.0, 1, 1), ((int)tally["total"]!, (int)tally["answered"]!, (double)tally["average"]!, (int)tally["done"]!, (int)tally["withPhoto"]!));
        var reported = answers[withPhoto.PersonId.ToString()]!;
        Assert.Equal((60, true, task.ToString(), answer.ToString()), ((int)reported["percent"]!, (bool)reported["photo"]!, (string)reported["taskId"]!, (string)reported["answerId"]!));
        Assert.Equal((true, false), ((bool)answers[done.PersonId.ToString()]!["done"]!, (bool)answers[done.PersonId.ToString()]!["photo"]!));
        Assert.Equal(2, answers.Count);
    }

    [Fact]
    public void Count_Progress_NobodyReported_HasNoAverage()
    {
        var tally = AskTally.Count(AskFormKinds.ProgressPhoto, [], [Silent()]);

        Assert.Null(tally["average"]);
        Assert.Equal((0, 0), ((int)tally["done"]!, (int)tally["withPhoto"]!));
    }

    [Fact]
    public void Answers_OfAChoice_SayNothingOfPhotos() =>
        Assert.Null(AskTally.Answers([Answered("""{"choice":"yes"}""")]).Single().Value!["photo"]);

    [Fact]
    public void Count_YesNo_CountsEachOptionAndWhoAnswered()
    {
        var tally = AskTally.Count(AskFormKinds.YesNo, YesNo,
            [Answered("""{"choice":"yes"}"""), Answered("""{"choice":"yes","comment":"早该装了"}""", "proxy"), Answered("""{"choice":"no"}"""), Silent()]);

        Assert.Equal((4, 3, 1), ((int)tally["total"]!, (int)tally["answered"]!, (int)tally["missing"]!));
        Assert.Equal((2, 1), ((int)tally["counts"]!["yes"]!, (int)tally["counts"]!["no"]!));
        Assert.Equal("yes", (string)tally["leading"]!);
        Assert.Equal(["yes"], tally["top"]!.AsArray().Select(v => (string)v!));
        Assert.Equal(["是:2", "否:1"], tally["options"]!.AsArray().Select(o => $"{(string)o!["label"]!}:{(int)o["count"]!}"));
        Assert.Null(tally["average"]);
    }

    [Fact]
    public void Count_AnswersByEveryChannel_CountsOnlinePaperAndProxyApart()
    {
        var tally = AskTally.Count(AskFormKinds.YesNo, YesNo,
            [Answered("""{"choice":"yes"}"""), Answered("""{"choice":"no"}""", "paper"), Answered("""{"choice":"no"}""", "paper"), Answered("""{"choice":"yes"}""", "proxy"), Silent()]);

        Assert.Equal((1, 2, 1), ((int)tally["channels"]!["link"]!, (int)tally["channels"]!["paper"]!, (int)tally["channels"]!["proxy"]!));
        Assert.Equal(4, (int)tally["answered"]!);
    }

    [Fact]
    public void Count_Tie_HasNoLeaderAndBothOnTop()
    {
        var tally = AskTally.Count(AskFormKinds.YesNo, YesNo, [Answered("""{"choice":"yes"}"""), Answered("""{"choice":"no"}""")]);

        Assert.Null(tally["leading"]);
        Assert.Equal(["yes", "no"], tally["top"]!.AsArray().Select(v => (string)v!));
    }

    [Fact]
    public void Count_NobodyAnswered_ZeroCountsNoLeader()
    {
        var tally = AskTally.Count(AskFormKinds.YesNo, YesNo, [Silent(), Silent()]);

        Assert.Equal((0, 0, 2), ((int)tally["counts"]!["yes"]!, (int)tally["answered"]!, (int)tally["missing"]!));
        Assert.Null(tally["leading"]);
        Assert.Empty(tally["top"]!.AsArray());
    }

    [Fact]
    public void Count_MultipleChoice_CountsEveryOptionChosen()
    {
        TaskOption[] options = [new("绿化", "绿化"), new("停车", "停车"), new("照明", "照明")];

        var tally = AskTally.Count(AskFormKinds.MultipleChoice, options,
            [Answered("""{"choices":["绿化","照明"]}"""), Answered("""{"choices":["照明"]}"""), Answered("""{"comment":"都不需要"}""")]);

        Assert.Equal((1, 0, 2), ((int)tally["counts"]!["绿化"]!, (int)tally["counts"]!["停车"]!, (int)tally["counts"]!["照明"]!));
        Assert.Equal(3, (int)tally["answered"]!);
        Assert.Equal("照明", (string)tally["leading"]!);
    }

    [Fact]
    public void Count_Rating_AveragesTheMarks()
    {
        TaskOption[] marks = [new("1", "1"), new("2", "2"), new("3", "3"), new("4", "4"), new("5", "5")];

        var tally = AskTally.Count(AskFormKinds.Rating, marks, [Answered("""{"choice":"5"}"""), Answered("""{"choice":"4"}"""), Answered("""{"choice":"4"}"""), Silent()]);

        Assert.Equal(4.33, (double)tally["average"]!);
        Assert.Equal("4", (string)tally["leading"]!);
    }

    [Fact]
    public void Count_TimePollTie_TopListsTheEarliestFirst()
    {
        TaskOption[] times = [new("2026-12-01T18:00+08:00", "12月1日"), new("2026-12-02T18:00+08:00", "12月2日")];

        var tally = AskTally.Count(AskFormKinds.TimePoll, times,
            [Answered("""{"choices":["2026-12-02T18:00+08:00"]}"""), Answered("""{"choices":["2026-12-01T18:00+08:00"]}""")]);

        Assert.Equal("2026-12-01T18:00+08:00", (string)tally["top"]![0]!);
    }

    [Fact]
    public void Count_FreeText_CountsAnswersOnly()
    {
        var tally = AskTally.Count(AskFormKinds.FreeText, [], [Answered("""{"comment":"楼道灯坏了"}"""), Silent()]);

        Assert.Equal((1, 2), ((int)tally["answered"]!, (int)tally["total"]!));
        Assert.Empty(tally["counts"]!.AsObject());
    }

    [Fact]
    public void Answers_ByPersonWithChannel_AndUnansweredInOrder()
    {
        var linked = Answered("""{"choice":"yes"}""");
        var proxied = Answered("""{"choice":"no","comment":"楼长代填"}""", "proxy");
        var silent = Silent();

        var answers = AskTally.Answers([linked, silent, proxied]);
        var unanswered = AskTally.Unanswered([linked, silent, proxied]);

        Assert.Equal(2, answers.Count);
        Assert.Equal(("yes", "link"), ((string)answers[linked.PersonId.ToString()]!["choice"]!, (string)answers[linked.PersonId.ToString()]!["channel"]!));
        Assert.Equal(("no", "楼长代填", "proxy"), ((string)answers[proxied.PersonId.ToString()]!["choice"]!,
            (string)answers[proxied.PersonId.ToString()]!["comment"]!, (string)answers[proxied.PersonId.ToString()]!["channel"]!));
        Assert.Equal([silent.PersonId.ToString()], unanswered.Select(v => (string)v!));
    }
}
