using Deliberation.Engine.Runtime;
using Deliberation.Engine.Tests.Support;

namespace Deliberation.Engine.Tests.Definitions;

public sealed class DefinitionServiceTests
{
    // Version 1 asks and then ends; version 2 asks and then waits for a second signal.
    private const string Version1 = """
        {
          "id": "consultation",
          "activities": [
            { "id": "start", "type": "Start" },
            { "id": "ask", "type": "WaitForSignal", "inputs": { "signal": { "type": "literal", "value": "answer" } } },
            { "id": "end", "type": "End" }
          ],
          "connections": [
            { "source": "start", "target": "ask" },
            { "source": "ask", "sourcePort": "Received", "target": "end" }
          ]
        }
        """;

    private const string Version2 = """
        {
          "id": "consultation",
          "activities": [
            { "id": "start", "type": "Start" },
            { "id": "ask", "type": "WaitForSignal", "inputs": { "signal": { "type": "literal", "value": "answer" } } },
            { "id": "review", "type": "WaitForSignal", "inputs": { "signal": { "type": "literal", "value": "reviewed" } } }
          ],
          "connections": [
            { "source": "start", "target": "ask" },
            { "source": "ask", "sourcePort": "Received", "target": "review" }
          ]
        }
        """;

    [Fact]
    public async Task SaveDraftAsync_NewDefinition_CreatesUnpublishedVersion1()
    {
        await using var engine = await TestEngine.CreateAsync();

        var draft = await engine.Definitions.SaveDraftAsync(Version1, null, CancellationToken.None);

        Assert.Equal((1, false, 1L), (draft.Version, draft.IsPublished, draft.Revision));
        var ex = await Assert.ThrowsAsync<WorkflowException>(() => engine.StartAsync("consultation"));
        Assert.Equal(WorkflowErrorKind.NotFound, ex.Kind);
    }

    [Fact]
    public async Task SaveDraftAsync_DraftSavedAgain_UpdatesSameVersion()
    {
        await using var engine = await TestEngine.CreateAsync();
        var first = await engine.Definitions.SaveDraftAsync(Version1, null, CancellationToken.None);

        var second = await engine.Definitions.SaveDraftAsync(Version2, first.ETag, CancellationToken.None);

        Assert.Equal((1, 2L), (second.Version, second.Revision));
        Assert.Single(await engine.DefinitionStore.ListVersionsAsync("consultation", false, CancellationToken.None));
    }

    [Fact]
    public async Task SaveDraftAsync_AfterPublish_CreatesDraftVersion2()
    {
        await using var engine = await TestEngine.CreateAsync();
        var published = await engine.PublishAsync(Version1);

        var draft = await engine.Definitions.SaveDraftAsync(Version2, published.ETag, CancellationToken.None);

        Assert.Equal((2, false), (draft.Version, draft.IsPublished));
        var v1 = await engine.DefinitionStore.GetAsync("consultation", 1, CancellationToken.None);
        Assert.True(v1!.IsPublished);
        Assert.Equal(published.Hash, v1.Hash);
    }

    [Fact]
    public async Task SaveDraftAsync_StaleETag_ThrowsConflict()
    {
        await using var engine = await TestEngine.CreateAsync();
        var loaded = await engine.Definitions.SaveDraftAsync(Version1, null, CancellationToken.None);
        await engine.Definitions.SaveDraftAsync(Version2, loaded.ETag, CancellationToken.None);

        var ex = await Assert.ThrowsAsync<WorkflowException>(() => engine.Definitions.SaveDraftAsync(Version1, loaded.ETag, CancellationToken.None));

        Assert.Equal(WorkflowErrorKind.Conflict, ex.Kind);
        Assert.Equal(2, (await engine.DefinitionStore.GetLatestAsync("consultation", CancellationToken.None))!.Revision);
    }

    [Fact]
    public async Task PublishAsync_AlreadyPublished_ThrowsConflict()
    {
        await using var engine = await TestEngine.CreateAsync();
        await engine.PublishAsync(Version1);

        var ex = await Assert.ThrowsAsync<WorkflowException>(() => engine.Definitions.PublishAsync("consultation", 1, null, CancellationToken.None));

        Assert.Equal(WorkflowErrorKind.Conflict, ex.Kind);
    }

    [Fact]
    public async Task StartAsync_NewVersionPublishedWhileRunning_InstanceStaysOnItsVersion()
    {
        await using var engine = await TestEngine.CreateAsync();
        await engine.PublishAsync(Version1);
        var onV1 = await engine.StartAsync("consultation");

        await engine.PublishAsync(Version2);
        var onV2 = await engine.StartAsync("consultation");
        var v1Answered = await engine.SignalAsync(onV1.InstanceId, "answer");
        var v2Answered = await engine.SignalAsync(onV2.InstanceId, "answer");

        Assert.Equal((1, InstanceStatus.Finished), (v1Answered.DefinitionVersion, v1Answered.Status));
        Assert.Equal(2, v2Answered.DefinitionVersion);
        Assert.Equal("review", Assert.Single(v2Answered.Waiting).ActivityId);
    }

    [Fact]
    public async Task StartAsync_OlderVersionAsked_StartsThatVersion()
    {
        await using var engine = await TestEngine.CreateAsync();
        await engine.PublishAsync(Version1);
        await engine.PublishAsync(Version2);

        var report = await engine.StartAsync("consultation", version: 1);

        Assert.Equal(1, report.DefinitionVersion);
    }
}
