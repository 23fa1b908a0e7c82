using Deliberation.Engine.Runtime;
using Deliberation.Engine.Storage;
using Deliberation.Engine.Tests.Support;

namespace Deliberation.Engine.Tests.Runtime;

/// <summary>The journal is stored as one row per step chained per instance; reads expand it back into lines.</summary>
public sealed class JournalChainTests
{
    private const string TwoWaits = """
        {
          "id": "two-waits",
          "activities": [
            { "id": "start", "type": "Start" },
            { "id": "first", "type": "WaitForSignal", "inputs": { "signal": { "type": "literal", "value": "a" } } },
            { "id": "second", "type": "WaitForSignal", "inputs": { "signal": { "type": "literal", "value": "b" } } }
          ],
          "connections": [
            { "source": "start", "target": "first" },
            { "source": "first", "sourcePort": "Received", "target": "second" }
          ]
        }
        """;

    [Fact]
    public async Task JournalAsync_AfterAnySeq_ReturnsTheSameLinesAsTheFullJournal()
    {
        await using var engine = await TestEngine.CreateAsync();
        var started = await engine.PublishAndStartAsync(TwoWaits);
        await engine.SignalAsync(started.InstanceId, "a");
        await engine.SignalAsync(started.InstanceId, "b");

        var full = await engine.JournalAsync(started.InstanceId);

        // Three steps, every line numbered in order with no gap.
        Assert.Equal(Enumerable.Range(1, full.Count).Select(i => (long)i), full.Select(j => j.Seq));
        Assert.Equal(JournalKinds.InstanceStarted, full[0].Kind);
        Assert.Equal(JournalKinds.InstanceFinished, full[^1].Kind);
        for (var after = 0; after <= full.Count; after++)
        {
            var page = await engine.Queries.JournalAsync(started.InstanceId, after, 3, CancellationToken.None);
            Assert.Equal(full.Skip(after).Take(3).Select(j => (j.Seq, j.Kind, j.ActivityId, j.BookmarkId)),
                page.Select(j => (j.Seq, j.Kind, j.ActivityId, j.BookmarkId)));
        }
    }

    [Fact]
    public async Task CommitAsync_LinesWithGapsAndTimes_KeepsEachLinesSeqAndTime()
    {
        await using var engine = await TestEngine.CreateAsync();
        var id = Guid.CreateVersion7();
        var t0 = TestEngine.DefaultStart;
        var bookmark = Guid.CreateVersion7();
        var instance = new WorkflowInstance { Id = id, DefinitionId = "x", DefinitionVersion = 1, CreatedAt = t0, UpdatedAt = t0, Revision = 1, Status = InstanceStatus.Suspended };
        var commit = new StepCommit { Instance = instance, IsNew = true, StateJson = "{}" };
        // Not one run: a gap in the numbers and a second time both start a new stored row.
        commit.Journal.Add(new JournalEntry(id, 1, t0, JournalKinds.InstanceStarted, Detail: "v1"));
        commit.Journal.Add(new JournalEntry(id, 2, t0, JournalKinds.ActivitySuspended, "wait", "e1", bookmark, null, "signal"));
        commit.Journal.Add(new JournalEntry(id, 5, t0, JournalKinds.ActivityStarted, "a", "e2"));
        commit.Journal.Add(new JournalEntry(id, 6, t0.AddSeconds(1), JournalKinds.ActivityCompleted, "a", "e2", Outcome: "Done"));

        await using (var step = await engine.Store.BeginStepAsync(null, CancellationToken.None))
            Assert.True(await step.CommitAsync(commit, CancellationToken.None));

        var journal = await engine.JournalAsync(id);
        Assert.Equal([1L, 2, 5, 6], journal.Select(j => j.Seq));
        Assert.Equal([t0, t0, t0, t0.AddSeconds(1)], journal.Select(j => j.At));
        Assert.Equal(bookmark, journal[1].BookmarkId);
        Assert.Equal("signal", journal[1].Detail);
        Assert.Equal("Done", journal[3].Outcome);
        Assert.Null(journal[0].ActivityId);
    }
}
