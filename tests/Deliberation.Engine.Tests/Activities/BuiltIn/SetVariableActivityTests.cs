using System.Text.Json.Nodes;
using Deliberation.Engine.Tests.Support;

namespace Deliberation.Engine.Tests.Activities.BuiltIn;

public sealed class SetVariableActivityTests
{
    [Fact]
    public async Task Execute_VariableReadByLaterScript_LaterActivitySeesTheValue()
    {
        await using var engine = await TestEngine.CreateAsync();

        var report = await engine.PublishAndStartAsync("""
            {
              "id": "set-then-read",
              "inputs": [ { "name": "street", "type": "text", "required": true } ],
              "variables": [ { "name": "topic" } ],
              "activities": [
                { "id": "start", "type": "Start" },
                { "id": "name", "type": "SetVariable", "inputs": {
                    "variable": { "type": "literal", "value": "topic" },
                    "value": { "type": "scriban", "value": "\"Parking on \" + input.street" } } },
                { "id": "check", "type": "If", "inputs": {
                    "condition": { "type": "scriban", "value": "vars.topic == \"Parking on Elm Street\" && output.name == vars.topic" } } },
                { "id": "yes", "type": "WaitForSignal", "inputs": { "signal": { "type": "scriban", "value": "ack-{{ vars.topic | string.size }}" } } },
                { "id": "no", "type": "WaitForSignal", "inputs": { "signal": { "type": "literal", "value": "ack" } } }
              ],
              "connections": [
                { "source": "start", "target": "name" },
                { "source": "name", "target": "check" },
                { "source": "check", "sourcePort": "True", "target": "yes" },
                { "source": "check", "sourcePort": "False", "target": "no" }
              ]
            }
            """, new JsonObject { ["street"] = "Elm Street" });

        var waiting = Assert.Single(report.Waiting);
        Assert.Equal("yes", waiting.ActivityId);
        Assert.Equal("ack-21", Assert.Single(waiting.Bookmarks).SignalName);
        var instance = await engine.InstanceAsync(report.InstanceId);
        Assert.Equal("Parking on Elm Street", instance.State.Variables["topic"]!.GetValue<string>());
    }

    [Fact]
    public async Task Execute_VariableReferenceExpression_CopiesTheInput()
    {
        await using var engine = await TestEngine.CreateAsync();

        var report = await engine.PublishAndStartAsync("""
            {
              "id": "copy-input",
              "inputs": [ { "name": "count", "type": "number", "required": true } ],
              "variables": [ { "name": "total", "default": 0 } ],
              "activities": [
                { "id": "start", "type": "Start" },
                { "id": "copy", "type": "SetVariable", "inputs": {
                    "variable": { "type": "literal", "value": "total" },
                    "value": { "type": "variable", "value": "count" } } },
                { "id": "add", "type": "SetVariable", "inputs": {
                    "variable": { "type": "literal", "value": "total" },
                    "value": { "type": "scriban", "value": "vars.total + 1" } } },
                { "id": "end", "type": "End" }
              ],
              "connections": [
                { "source": "start", "target": "copy" },
                { "source": "copy", "target": "add" },
                { "source": "add", "target": "end" }
              ]
            }
            """, new JsonObject { ["count"] = 41 });

        var instance = await engine.InstanceAsync(report.InstanceId);
        Assert.Equal(42, instance.State.Variables["total"]!.GetValue<double>());
    }

    [Fact]
    public async Task Execute_NumberComputedEarlierInSameStep_LaterConditionReadsIt()
    {
        await using var engine = await TestEngine.CreateAsync();

        var report = await engine.PublishAndStartAsync("""
            {
              "id": "count-votes",
              "variables": [ { "name": "votes", "default": 0 } ],
              "activities": [
                { "id": "start", "type": "Start" },
                { "id": "first", "type": "SetVariable", "inputs": {
                    "variable": { "type": "literal", "value": "votes" },
                    "value": { "type": "scriban", "value": "vars.votes + 1" } } },
                { "id": "second", "type": "SetVariable", "inputs": {
                    "variable": { "type": "literal", "value": "votes" },
                    "value": { "type": "scriban", "value": "vars.votes + 1" } } },
                { "id": "quorum", "type": "If", "inputs": {
                    "condition": { "type": "scriban", "value": "vars.votes >= 2" } } },
                { "id": "decide", "type": "WaitForSignal", "inputs": { "signal": { "type": "literal", "value": "decide" } } },
                { "id": "wait", "type": "WaitForSignal", "inputs": { "signal": { "type": "literal", "value": "vote" } } }
              ],
              "connections": [
                { "source": "start", "target": "first" },
                { "source": "first", "target": "second" },
                { "source": "second", "target": "quorum" },
                { "source": "quorum", "sourcePort": "True", "target": "decide" },
                { "source": "quorum", "sourcePort": "False", "target": "wait" }
              ]
            }
            """);

        Assert.Empty(report.OpenIncidents);
        Assert.Equal("decide", Assert.Single(report.Waiting).ActivityId);
    }
}
