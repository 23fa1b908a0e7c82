using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Deliberation.Host.Tests.Issues;

/// <summary>The ranking staff read to anchor an issue: order and every part of each score, as the README's formula says.</summary>
[Trait("Category", "Deliberation")]
public sealed class ComplaintRankingApiTests(HostFactory host) : IClassFixture<HostFactory>
{
    private readonly HttpClient _admin = host.CreateClient();

    /// <summary>The README's formula with the default weights, written out independently of the code under test.</summary>
    private static (double Score, double[] Normalized, double[] Contributions) Expected(int reporters, int urgency, int severity, int households)
    {
        double[] weights = [0.3, 0.25, 0.25, 0.2];
        double[] normalized =
        [
            Math.Min(1, Math.Log10(1 + reporters) / Math.Log10(1 + 50)),
            (urgency - 1) / 4.0,
            (severity - 1) / 4.0,
            households / (double)ComplaintWorld.HouseholdCount,
        ];
        var contributions = normalized.Select((n, i) => 100 * weights[i] * n).ToArray();
        return (contributions.Sum(), normalized, contributions);
    }

    [Fact]
    public async Task Ranking_OpenComplaints_AreOrderedByScoreWithPartsMatchingTheFormula()
    {
        var world = await ComplaintWorld.CreateAsync(_admin, "r" + Guid.NewGuid().ToString("N")[..10]);
        // Logged a minute apart, so that the tie below goes to the earlier.
        async Task<string> LogAsync(object draft)
        {
            host.Time.Advance(TimeSpan.FromMinutes(1));
            return await world.LogAsync(_admin, draft);
        }
        var tieFirst = await LogAsync(world.Draft("2栋门禁坏了", 3, 2, 3, households: ["2栋-301"], category: "security"));
        var lift = await LogAsync(world.Draft("1栋加装电梯", 5, 4, 12, buildings: ["1栋"]));
        var urgent = await LogAsync(world.Draft("401漏水", 5, 5, 1, households: ["3栋-401"], category: "facility-repair"));
        var duplicate = await LogAsync(world.Draft("2栋也想装电梯", 4, 3, 8, buildings: ["2栋"]));
        var tieSecond = await LogAsync(world.Draft("门禁失灵", 3, 2, 3, households: ["2栋-301"], category: "security"));
        await _admin.PostAsJsonAsync($"{world.Complaints}/{lift}/merge", new { sourceIds = new[] { duplicate } });
        var expected = new Dictionary<string, (double Score, double[] Normalized, double[] Contributions)>
        {
            [lift] = Expected(reporters: 20, urgency: 4, severity: 5, households: 6), // 12 + 8 merged; 1栋 (4) + 2栋 (2)
            [urgent] = Expected(reporters: 1, urgency: 5, severity: 5, households: 1),
            [tieFirst] = Expected(reporters: 3, urgency: 2, severity: 3, households: 1),
            [tieSecond] = Expected(reporters: 3, urgency: 2, severity: 3, households: 1),
        };

        var ranking = (await _admin.GetFromJsonAsync<JsonObject>($"{world.Complaints}/ranking"))!;

        var items = ranking["items"]!.AsArray();
        Assert.Equal([lift, urgent, tieFirst, tieSecond], items.Select(i => (string)i!["complaintId"]!));
        Assert.Equal([1, 2, 3, 4], items.Select(i => (int)i!["rank"]!));
        Assert.True(expected[lift].Score > expected[urgent].Score && expected[urgent].Score > expected[tieFirst].Score);
        foreach (var item in items)
        {
            var (score, normalized, contributions) = expected[(string)item!["complaintId"]!];
            Assert.Equal(Math.Round(score, 1, MidpointRounding.AwayFromZero), (double)item["score"]!);
            var parts = item["parts"]!.AsArray();
            Assert.Equal(["reporters", "urgency", "severity", "share"], parts.Select(p => (string)p!["name"]!));
            Assert.Equal(normalized.Select(n => Math.Round(n, 4, MidpointRounding.AwayFromZero)), parts.Select(p => (double)p!["normalized"]!));
            Assert.Equal(contributions.Select(c => Math.Round(c, 2, MidpointRounding.AwayFromZero)), parts.Select(p => (double)p!["contribution"]!));
            Assert.Equal([0.3, 0.25, 0.25, 0.2], parts.Select(p => (double)p!["weight"]!));
            Assert.Equal(ComplaintWorld.HouseholdCount, (int)item["communityHouseholds"]!);
        }
        var top = items[0]!["parts"]!.AsArray();
        Assert.Equal([20.0, 4, 5, 6], top.Select(p => (double)p!["raw"]!));
        Assert.Equal(0.3, (double)ranking["weights"]!["reporters"]!);
        Assert.Equal(50, (double)ranking["weights"]!["reporterSaturation"]!);
    }
}
