using System.Text.Json.Nodes;
using Deliberation.Engine.Expressions;
using Xunit.Abstractions;

namespace Deliberation.Engine.Tests.Scratch;

public sealed class Debug2(ITestOutputHelper output)
{
    [Fact]
    public void Dump()
    {
        var s = new Deliberation.Integrations.Scripting.ScribanScriptEvaluator();
        var empty = new Dictionary<string, JsonNode?>();
        ScriptModel M(JsonNode? n) => new(new Dictionary<string, JsonNode?> { ["n"] = n }, empty, empty, "bob", 0, new Dictionary<string, string?>());
        foreach (var t in new[] { "a{{ input.n }}", "answer-{{ item }}", "Hello {{ input.n }} there", "plain text", "{{ input.n }}-x", "x {{ 1 }} y {{ 2 }} z" })
            output.WriteLine($"{t} => {s.Evaluate(t, ScriptMode.Template, M(JsonNode.Parse("25")))!.ToJsonString()}");
        var template = Scriban.Template.Parse("a{{ 1 }}b");
        output.WriteLine("plain scriban render: " + template.Render());
        output.WriteLine("plain scriban evaluate: " + template.Evaluate(new Scriban.TemplateContext()));
    }
}
