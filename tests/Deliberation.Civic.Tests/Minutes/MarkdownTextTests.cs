using System.Text.Json.Nodes;
using Deliberation.Civic.Minutes;
using Markdig;

namespace Deliberation.Civic.Tests.Minutes;

/// <summary>People's words in the minutes' Markdown stay words: no link, image, heading, list or HTML, and read back as written.</summary>
[Trait("Category", "Security")]
public sealed class MarkdownTextTests
{
    // The minutes email's pipeline, with the extensions a viewer of the filed Markdown may have on (tables, strikethrough).
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseEmphasisExtras().DisableHtml().Build();

    public static TheoryData<string> Hostile => new()
    {
        "[点我查看](javascript:alert(1))",
        "![地图](https://evil.example/track.png)",
        "## 七、补充决议：物业费上涨 50%",
        "# 标题",
        "> 引用",
        "- 清单",
        "+ 清单",
        "1. 第一条",
        "2) 第二条",
        "<script>alert('x')</script><img src=x onerror=alert(1)>",
        "**加粗** _斜体_ `代码` ~~删除~~",
        "| 表格 | 注入 |",
        "===",
        "<https://evil.example>",
        "反斜杠 \\[ 不是链接 \\]",
        "正常的中文句子，含 5-6 栋、DALONG-2026-001 和 3.5 万元。",
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Escaped_RendersAsItsOwnWords_InEveryRendition(string text)
    {
        var escaped = MarkdownText.Escape(text);
        var html = Markdown.ToHtml($"- 提议：{escaped}\n\n{escaped}\n", Pipeline);

        Assert.DoesNotContain("<a ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<h", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<strong", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<table", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<blockquote", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<ol", html, StringComparison.Ordinal);
        Assert.Equal(1, html.Split("<li>").Length - 1);
        // The words come back as written: in the text of the HTML and in plain text.
        Assert.Equal($"{text}\n", Markdown.ToPlainText($"{escaped}\n", Pipeline).Replace("\r", "", StringComparison.Ordinal));
        Assert.Equal(text, MarkdownText.Unescape(escaped));
    }

    [Fact]
    public void EscapeAll_EscapesEveryTextOfAModel_AndLeavesNumbersBooleansAndKeys()
    {
        var model = JsonNode.Parse("""{"meeting":{"name":"[会](x)","round":2},"points":["# 一","二"],"passed":true,"rule":"simple-majority"}""")!;

        var escaped = MarkdownText.EscapeAll(model)!;

        Assert.Equal("""{"meeting":{"name":"\\[会\\](x)","round":2},"points":["\\# 一","二"],"passed":true,"rule":"simple-majority"}""",
            escaped.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.Equal("[会](x)", (string)model["meeting"]!["name"]!);
    }
}
