using System.Text.Json.Nodes;
using Deliberation.Engine.Tests.Support;
using Xunit.Abstractions;

namespace Deliberation.Engine.Tests.Scratch;

public sealed class Debug(ITestOutputHelper output)
{
    [Fact]
    public async Task Dump()
    {
        await using var engine = await TestEngine.CreateAsync();
        var json = File.ReadAllText("/tmp/def.json");
        var input = File.Exists("/tmp/input.json") ? JsonNode.Parse(File.ReadAllText("/tmp/input.json"))!.AsObject() : null;
        var r = await engine.PublishAndStartAsync(json, input);
        output.WriteLine($"{r.Status} waiting={string.Join(",", r.Waiting.Select(w => w.ActivityId))}");
        foreach (var j in await engine.JournalAsync(r.InstanceId)) output.WriteLine($"{j.Seq} {j.Kind} {j.ActivityId} {j.Outcome} {j.Detail}");
        foreach (var i in await engine.IncidentsAsync(r.InstanceId, true)) output.WriteLine($"incident {i.ActivityId} {i.ErrorType} {i.Message}");
        var inst = await engine.InstanceAsync(r.InstanceId);
        output.WriteLine(System.Text.Json.JsonSerializer.Serialize(inst.State));
    }
}
