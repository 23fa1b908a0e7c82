using Deliberation.Engine.Definitions;
using Deliberation.Engine.Tests.Support;

namespace Deliberation.Engine.Tests.Definitions;

/// <summary>How files in workflows/ become versions at start-up.</summary>
public sealed class DefinitionImportTests
{
    private static string File(string signal) => $$"""
        {
          "id": "imported",
          "activities": [
            { "id": "start", "type": "Start" },
            { "id": "wait", "type": "WaitForSignal", "inputs": { "signal": { "type": "literal", "value": "{{signal}}" } } }
          ],
          "connections": [ { "source": "start", "target": "wait" } ]
        }
        """;

    [Fact]
    public async Task ImportFileAsync_NewThenSameThenChanged_PublishesV1ThenNothingThenV2()
    {
        await using var engine = await TestEngine.CreateAsync();

        var first = await engine.Definitions.ImportFileAsync("imported.json", File("a"), CancellationToken.None);
        var again = await engine.Definitions.ImportFileAsync("imported.json", File("a"), CancellationToken.None);
        var changed = await engine.Definitions.ImportFileAsync("imported.json", File("b"), CancellationToken.None);

        Assert.Equal((ImportOutcome.Imported, 1, true), (first.Outcome, first.Version!.Version, first.Version.IsPublished));
        Assert.Equal(ImportOutcome.Unchanged, again.Outcome);
        Assert.Equal((ImportOutcome.Imported, 2), (changed.Outcome, changed.Version!.Version));
        Assert.Equal("file:imported.json", changed.Version.Source);
    }

    [Fact]
    public async Task ImportFileAsync_NewerVersionPublishedFromTheApi_SkipsTheFileAndKeepsTheApiVersion()
    {
        await using var engine = await TestEngine.CreateAsync();
        await engine.Definitions.ImportFileAsync("imported.json", File("a"), CancellationToken.None);
        var draft = await engine.Definitions.SaveDraftAsync(File("from-the-designer"), null, CancellationToken.None);
        await engine.Definitions.PublishAsync("imported", draft.Version, null, CancellationToken.None);

        var skipped = await engine.Definitions.ImportFileAsync("imported.json", File("edited-file"), CancellationToken.None);

        Assert.Equal(ImportOutcome.SkippedNewerPublished, skipped.Outcome);
        Assert.Equal(2, skipped.Version!.Version);
        var latest = await engine.DefinitionStore.GetLatestAsync("imported", CancellationToken.None);
        Assert.Equal((2, "api"), (latest!.Version, latest.Source));
        Assert.Contains("from-the-designer", latest.Json);
    }

    [Fact]
    public async Task ImportFileAsync_InvalidFile_ReportsProblemsAndStoresNothing()
    {
        await using var engine = await TestEngine.CreateAsync();

        var result = await engine.Definitions.ImportFileAsync("broken.json", File("a").Replace("WaitForSignal", "WaitForNothing", StringComparison.Ordinal), CancellationToken.None);

        Assert.Equal(ImportOutcome.Invalid, result.Outcome);
        Assert.Contains(result.Problems, p => p.Code == "unknown-activity-type");
        Assert.Null(await engine.DefinitionStore.GetLatestAsync("imported", CancellationToken.None));
    }
}
