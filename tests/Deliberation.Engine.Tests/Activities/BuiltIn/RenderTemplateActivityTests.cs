using System.Text.Json.Nodes;
using Deliberation.Engine.Runtime;
using Deliberation.Engine.Tests.Support;

namespace Deliberation.Engine.Tests.Activities.BuiltIn;

public sealed class RenderTemplateActivityTests
{
    private const string Minutes = """
        {
          "id": "minutes",
          "inputs": [ { "name": "topic", "type": "text", "required": true } ],
          "variables": [ { "name": "minutes" } ],
          "activities": [
            { "id": "start", "type": "Start" },
            { "id": "render", "type": "RenderTemplate", "inputs": {
                "template": { "type": "literal", "value": "minutes.scriban" },
                "model": { "type": "scriban", "value": "{ attendees: 12 }" },
                "resultVariable": { "type": "literal", "value": "minutes" } } },
            { "id": "end", "type": "End" }
          ],
          "connections": [
            { "source": "start", "target": "render" },
            { "source": "render", "target": "end" }
          ]
        }
        """;

    [Fact]
    public async Task Execute_TemplateExists_StoresRenderedTextInVariable()
    {
        await using var engine = await TestEngine.CreateAsync();
        await File.WriteAllTextAsync(Path.Combine(engine.TemplatesFolder, "minutes.scriban"),
            "Minutes: {{ input.topic }}, {{ model.attendees }} attendees");

        var report = await engine.PublishAndStartAsync(Minutes, new JsonObject { ["topic"] = "Bike racks" });

        Assert.Equal(InstanceStatus.Finished, report.Status);
        var instance = await engine.InstanceAsync(report.InstanceId);
        Assert.Equal("Minutes: Bike racks, 12 attendees", instance.State.Variables["minutes"]!.GetValue<string>());
    }

    [Fact]
    public async Task Execute_TemplateMissing_RaisesIncident()
    {
        await using var engine = await TestEngine.CreateAsync();

        var report = await engine.PublishAndStartAsync(Minutes, new JsonObject { ["topic"] = "Bike racks" });

        Assert.Equal(InstanceStatus.Faulted, report.Status);
        Assert.Equal("render", Assert.Single(await engine.IncidentsAsync(report.InstanceId)).ActivityId);
    }
}
