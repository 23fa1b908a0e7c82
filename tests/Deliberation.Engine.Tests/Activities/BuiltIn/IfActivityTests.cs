using System.Text.Json.Nodes;
using Deliberation.Engine.Runtime;
using Deliberation.Engine.Tests.Support;

namespace Deliberation.Engine.Tests.Activities.BuiltIn;

public sealed class IfActivityTests
{
    // Each path ends in its own wait, so the waiting activity tells which path was taken.
    private const string Threshold = """
        {
          "id": "threshold",
          "inputs": [ { "name": "signatures", "type": "number", "required": true } ],
          "activities": [
            { "id": "start", "type": "Start" },
            { "id": "enough", "type": "If", "inputs": {
                "condition": { "type": "scriban", "value": "input.signatures >= 20" } } },
            { "id": "schedule", "type": "WaitForSignal", "inputs": { "signal": { "type": "literal", "value": "scheduled" } } },
            { "id": "collect", "type": "WaitForSignal", "inputs": { "signal": { "type": "literal", "value": "collected" } } }
          ],
          "connections": [
            { "source": "start", "target": "enough" },
            { "source": "enough", "sourcePort": "True", "target": "schedule" },
            { "source": "enough", "sourcePort": "False", "target": "collect" }
          ]
        }
        """;

    [Theory]
    [InlineData(25, "schedule")]
    [InlineData(20, "schedule")]
    [InlineData(19, "collect")]
    public async Task Execute_ConditionOnInput_TakesMatchingPath(int signatures, string expected)
    {
        await using var engine = await TestEngine.CreateAsync();

        var report = await engine.PublishAndStartAsync(Threshold, new JsonObject { ["signatures"] = signatures });

        Assert.Equal(expected, Assert.Single(report.Waiting).ActivityId);
    }

    [Fact]
    public async Task Execute_ConditionOnVariableSetBySignal_TakesTruePath()
    {
        await using var engine = await TestEngine.CreateAsync();
        var started = await engine.PublishAndStartAsync("""
            {
              "id": "vote",
              "variables": [ { "name": "vote" } ],
              "activities": [
                { "id": "start", "type": "Start" },
                { "id": "ask", "type": "WaitForSignal", "inputs": {
                    "signal": { "type": "literal", "value": "vote" },
                    "resultVariable": { "type": "literal", "value": "vote" } } },
                { "id": "approved", "type": "If", "inputs": {
                    "condition": { "type": "scriban", "value": "vars.vote == \"approve\"" } } },
                { "id": "publish", "type": "WaitForSignal", "inputs": { "signal": { "type": "literal", "value": "published" } } },
                { "id": "revise", "type": "WaitForSignal", "inputs": { "signal": { "type": "literal", "value": "revised" } } }
              ],
              "connections": [
                { "source": "start", "target": "ask" },
                { "source": "ask", "sourcePort": "Received", "target": "approved" },
                { "source": "approved", "sourcePort": "True", "target": "publish" },
                { "source": "approved", "sourcePort": "False", "target": "revise" }
              ]
            }
            """);

        var report = await engine.SignalAsync(started.InstanceId, "vote", "approve");

        Assert.Equal("publish", Assert.Single(report.Waiting).ActivityId);
    }

    [Theory]
    [InlineData(0, "close")]
    [InlineData(2, "discuss")]
    public async Task Execute_ConditionYieldsNumber_ZeroIsFalseOtherNumbersTrue(int objections, string expected)
    {
        await using var engine = await TestEngine.CreateAsync();
        var list = new JsonArray(Enumerable.Range(0, objections).Select(i => (JsonNode?)$"objection {i}").ToArray());

        var report = await engine.PublishAndStartAsync("""
            {
              "id": "objections",
              "inputs": [ { "name": "objections", "type": "json", "required": true } ],
              "activities": [
                { "id": "start", "type": "Start" },
                { "id": "any", "type": "If", "inputs": {
                    "condition": { "type": "scriban", "value": "array.size(input.objections)" } } },
                { "id": "discuss", "type": "WaitForSignal", "inputs": { "signal": { "type": "literal", "value": "discussed" } } },
                { "id": "close", "type": "WaitForSignal", "inputs": { "signal": { "type": "literal", "value": "closed" } } }
              ],
              "connections": [
                { "source": "start", "target": "any" },
                { "source": "any", "sourcePort": "True", "target": "discuss" },
                { "source": "any", "sourcePort": "False", "target": "close" }
              ]
            }
            """, new JsonObject { ["objections"] = list });

        Assert.Equal(expected, Assert.Single(report.Waiting).ActivityId);
    }
}
