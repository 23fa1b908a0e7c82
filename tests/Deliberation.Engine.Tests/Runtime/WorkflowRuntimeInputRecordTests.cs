using System.Text.Json.Nodes;
using Deliberation.Engine.Activities;
using Deliberation.Engine.Runtime;
using Deliberation.Engine.Tests.Support;

namespace Deliberation.Engine.Tests.Runtime;

/// <summary>What each activity read when it last ran is kept in the instance for the viewer, long values cut short.</summary>
public sealed class WorkflowRuntimeInputRecordTests
{
    [Fact]
    public async Task Run_KeepsTheInputsEachActivityEvaluated_ScriptsAsTheirResult_LongTextCut_WaitsAddingOnResume()
    {
        await using var engine = await TestEngine.CreateAsync();
        var report = await engine.PublishAndStartAsync("""
            {
              "id": "inputs-kept",
              "inputs": [ { "name": "topic", "type": "text" }, { "name": "long", "type": "text" } ],
              "variables": [ { "name": "note" }, { "name": "answer" } ],
              "activities": [
                { "id": "start", "type": "Start" },
                { "id": "note", "type": "SetVariable", "inputs": {
                    "variable": { "type": "literal", "value": "note" },
                    "value": { "type": "scriban", "value": "'关于' + input.topic + '：' + input.long" } } },
                { "id": "wait", "type": "WaitForSignal", "inputs": {
                    "signal": { "type": "literal", "value": "answer" },
                    "resultVariable": { "type": "literal", "value": "answer" } } },
                { "id": "end", "type": "End" }
              ],
              "connections": [
                { "source": "start", "target": "note" }, { "source": "note", "target": "wait" }, { "source": "wait", "sourcePort": "Received", "target": "end" }
              ]
            }
            """, new JsonObject { ["topic"] = "加装电梯", ["long"] = new string('长', 1000) });

        var state = (await engine.InstanceAsync(report.InstanceId)).State;
        Assert.Equal("note", (string)state.Inputs["note"]["variable"]!);
        var value = (string)state.Inputs["note"]["value"]!;
        Assert.StartsWith("关于加装电梯：长长", value, StringComparison.Ordinal);
        Assert.Equal(InputRecord.MaxText + 1, value.Length);
        Assert.EndsWith("…", value, StringComparison.Ordinal);
        Assert.Equal("answer", (string)state.Inputs["wait"]["signal"]!);

        await engine.SignalAsync(report.InstanceId, "answer", new JsonObject { ["agree"] = true });
        var finished = (await engine.InstanceAsync(report.InstanceId)).State;
        Assert.Equal(InstanceStatus.Finished, (await engine.InstanceAsync(report.InstanceId)).Status);
        // The wait read its signal when it began; what it read on resuming is added, nothing is lost.
        Assert.Equal("answer", (string)finished.Inputs["wait"]["signal"]!);
        Assert.Equal("answer", (string)finished.Inputs["wait"]["resultVariable"]!);
    }
}
