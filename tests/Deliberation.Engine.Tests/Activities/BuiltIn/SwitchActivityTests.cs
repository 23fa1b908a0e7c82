using System.Text.Json.Nodes;
using Deliberation.Engine.Tests.Support;

namespace Deliberation.Engine.Tests.Activities.BuiltIn;

public sealed class SwitchActivityTests
{
    // Cases overlap on purpose: 30 matches both "large" and "medium"; the first listed wins.
    private const string Triage = """
        {
          "id": "triage",
          "inputs": [ { "name": "households", "type": "number", "required": true } ],
          "activities": [
            { "id": "start", "type": "Start" },
            { "id": "size", "type": "Switch", "inputs": {
                "cases": { "type": "literal", "value": [
                  { "port": "large", "condition": "input.households >= 30" },
                  { "port": "medium", "condition": "input.households >= 10" } ] } } },
            { "id": "hearing", "type": "WaitForSignal", "inputs": { "signal": { "type": "literal", "value": "a" } } },
            { "id": "meeting", "type": "WaitForSignal", "inputs": { "signal": { "type": "literal", "value": "b" } } },
            { "id": "visit", "type": "WaitForSignal", "inputs": { "signal": { "type": "literal", "value": "c" } } }
          ],
          "connections": [
            { "source": "start", "target": "size" },
            { "source": "size", "sourcePort": "large", "target": "hearing" },
            { "source": "size", "sourcePort": "medium", "target": "meeting" },
            { "source": "size", "sourcePort": "Default", "target": "visit" }
          ]
        }
        """;

    [Theory]
    [InlineData(30, "hearing")]
    [InlineData(12, "meeting")]
    [InlineData(3, "visit")]
    public async Task Execute_Households_TakesFirstMatchingCaseOrDefault(int households, string expected)
    {
        await using var engine = await TestEngine.CreateAsync();

        var report = await engine.PublishAndStartAsync(Triage, new JsonObject { ["households"] = households });

        Assert.Equal(expected, Assert.Single(report.Waiting).ActivityId);
    }
}
