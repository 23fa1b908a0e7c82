using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Deliberation.Integrations.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Host.Tests.Issues;

/// <summary>
/// Staff anchor a complaint as a deliberation's issue: a case number, the workflow started with it, and the
/// public notice (公示) delivered by real SMTP (aiosmtpd) to the affected building heads — or nothing at all.
/// </summary>
[Trait("Category", "Deliberation")]
public sealed class AnchorTests(SmtpServer smtp) : IClassFixture<SmtpServer>, IAsyncLifetime
{
    /// <summary>
    /// Stands in for fanshi-youjiqing (written elsewhere): declares the inputs anchoring fills in, records two of them,
    /// and waits for the stakeholders step like the real one will.
    /// </summary>
    private const string Definition = """
        {
          "id": "issue-test",
          "inputs": [
            { "name": "caseNumber", "type": "text", "required": true },
            { "name": "complaintId", "type": "text", "required": true },
            { "name": "title", "type": "text", "required": true },
            { "name": "categoryCode", "type": "text" },
            { "name": "note", "type": "text" }
          ],
          "variables": [ { "name": "anchoredCase", "default": null }, { "name": "givenNote", "default": null } ],
          "activities": [
            { "id": "start", "type": "Start" },
            { "id": "case", "type": "SetVariable", "inputs": {
                "variable": { "type": "literal", "value": "anchoredCase" }, "value": { "type": "variable", "value": "caseNumber" } } },
            { "id": "note", "type": "SetVariable", "inputs": {
                "variable": { "type": "literal", "value": "givenNote" }, "value": { "type": "variable", "value": "note" } } },
            { "id": "stakeholders", "type": "WaitForSignal", "inputs": { "signal": { "type": "literal", "value": "stakeholders-identified" } } },
            { "id": "end", "type": "End" }
          ],
          "connections": [
            { "source": "start", "sourcePort": "Done", "target": "case" },
            { "source": "case", "sourcePort": "Done", "target": "note" },
            { "source": "note", "sourcePort": "Done", "target": "stakeholders" },
            { "source": "stakeholders", "sourcePort": "Received", "target": "end" }
          ]
        }
        """;

    private HostFactory _host = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        await smtp.StartAsync();
        _host = new HostFactory
        {
            Settings =
            {
                ["Deliberation:Mail:SmtpHost"] = "127.0.0.1",
                ["Deliberation:Mail:SmtpPort"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
                ["Deliberation:Mail:SmtpSecurity"] = "None",
            },
        };
        _admin = _host.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _host.DisposeAsync();
    }

    private async Task PublishAsync(string json, string id, bool publish = true)
    {
        var saved = await _admin.PutAsync($"/api/workflows/{id}", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        if (publish) Assert.Equal(HttpStatusCode.OK, (await _admin.PostAsync($"/api/workflows/{id}/versions/1/publish", null)).StatusCode);
    }

    private async Task<JsonArray> InstancesAsync(string correlationId) =>
        (await _admin.GetFromJsonAsync<JsonObject>($"/api/instances?correlationId={Uri.EscapeDataString(correlationId)}"))!["items"]!.AsArray();

    [Fact]
    public async Task Anchor_OpenComplaint_StartsTheWorkflowWithACaseNumberAndEmailsThePublicNoticeToEachAffectedBuildingHead()
    {
        await PublishAsync(Definition, "issue-test");
        var world = await ComplaintWorld.CreateAsync(_admin, "a" + Guid.NewGuid().ToString("N")[..8]);
        var (staff, _) = await ComplaintWorld.AccountAsync(_host, _admin, "CommitteeStaff", world.CommunityId);
        // The complaint spans three buildings, so staff log it (a building head logs for their own building only).
        var lift = await world.LogAsync(staff, world.Draft("老人上楼难，申请加装电梯", 5, 4, 12, buildings: ["1栋"], households: ["2栋-301", "3栋-401"]));
        var (head, _) = await world.HeadAccountAsync(_host, _admin, "欧阳楼长");
        var other = await world.LogAsync(head, world.Draft("楼下烧烤噪音", 2, 3, 2, buildings: ["2栋"], category: "noise"));
        var caseNumber = $"{world.Code.ToUpperInvariant()}-2026-001";

        var response = await staff.PostAsJsonAsync($"{world.Complaints}/{lift}/anchor", new { definitionId = "issue-test", input = new { note = "先开楼栋会" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var anchored = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(("anchored", caseNumber), ((string)anchored["complaint"]!["status"]!, (string)anchored["complaint"]!["caseNumber"]!));
        var instanceId = (string)anchored["instance"]!["instanceId"]!;
        Assert.Equal(instanceId, (string)anchored["complaint"]!["instanceId"]!);
        Assert.Equal(2, (int)anchored["noticesQueued"]!);
        Assert.Equal(["3栋"], anchored["buildingsWithoutNotice"]!.AsArray().Select(b => (string)b!));
        Assert.Equal(1, (int)anchored["ranking"]!["rank"]!);

        var instance = (await staff.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}"))!;
        Assert.Equal((caseNumber, world.CommunityId, "Suspended", "issue-test"), ((string)instance["instance"]!["correlationId"]!,
            (string)instance["instance"]!["communityId"]!, (string)instance["instance"]!["status"]!, (string)instance["instance"]!["definitionId"]!));
        Assert.Equal(caseNumber, (string)instance["variables"]!["anchoredCase"]!);
        Assert.Equal("先开楼栋会", (string)instance["variables"]!["givenNote"]!);
        Assert.Equal("stakeholders", (string)instance["waiting"]![0]!["activityId"]!);

        await _host.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(100, CancellationToken.None);

        var notices = smtp.ReadMessages().Where(m => m.Recipients.Any(r => r == world.Head1Email || r == world.Head2Email)).ToList();
        Assert.Equal(new[] { world.Head1Email, world.Head2Email }.Order(StringComparer.Ordinal), notices.Select(m => m.Recipients.Single()).Order(StringComparer.Ordinal));
        var score = (double)anchored["ranking"]!["score"]!;
        foreach (var notice in notices)
        {
            Assert.Equal("【公示】大龙社区：老人上楼难，申请加装电梯 已列为协商议题", notice.Message.Subject);
            var body = notice.Message.TextBody;
            Assert.Contains($"案件编号：{caseNumber}", body, StringComparison.Ordinal);
            Assert.Contains("问题类别：加装电梯", body, StringComparison.Ordinal);
            Assert.Contains("涉及楼栋：1栋、2栋、3栋", body, StringComparison.Ordinal);
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"在本社区 2 个待处理问题中排名第 1，综合得分 {score:0.0}（满分 100）"), body, StringComparison.Ordinal);
            Assert.Contains("推选利益代表", body, StringComparison.Ordinal);
        }
        Assert.StartsWith("王楼长您好：", notices.Single(n => n.Recipients.Single() == world.Head1Email).Message.TextBody, StringComparison.Ordinal);

        var history = (await world.GetAsync(staff, lift))["history"]!.AsArray();
        Assert.Contains(history, e => (string)e!["kind"]! == "anchored" && (string)e["note"]! == caseNumber);
        var again = await staff.PostAsJsonAsync($"{world.Complaints}/{lift}/anchor", new { definitionId = "issue-test" });
        var mergeAnchored = await staff.PostAsJsonAsync($"{world.Complaints}/{other}/merge", new { sourceIds = new[] { lift } });
        var mergeIntoAnchored = await staff.PostAsJsonAsync($"{world.Complaints}/{lift}/merge", new { sourceIds = new[] { other } });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("complaint-not-open", (string)(await again.Content.ReadFromJsonAsync<JsonObject>())!["code"]!);
        Assert.Equal(HttpStatusCode.Conflict, mergeAnchored.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, mergeIntoAnchored.StatusCode);
        Assert.Single(await InstancesAsync(caseNumber));
        Assert.DoesNotContain((await staff.GetFromJsonAsync<JsonObject>($"{world.Complaints}/ranking"))!["items"]!.AsArray(), i => (string)i!["complaintId"]! == lift);

        var second = await staff.PostAsJsonAsync($"{world.Complaints}/{other}/anchor", new { definitionId = "issue-test" });
        Assert.Equal($"{world.Code.ToUpperInvariant()}-2026-002", (string)(await second.Content.ReadFromJsonAsync<JsonObject>())!["complaint"]!["caseNumber"]!);
    }

    [Fact]
    public async Task Anchor_TwoRequestsAtOnce_OneAnchorsAndTheOtherStartsNothing()
    {
        await PublishAsync(Definition, "issue-test");
        var world = await ComplaintWorld.CreateAsync(_admin, "t" + Guid.NewGuid().ToString("N")[..8]);
        var id = await world.LogAsync(_admin, world.Draft("楼道堆物", 3, 3, 2, buildings: ["2栋"], category: "sanitation"));

        // Three at once: a late request can find the complaint open and then, a statement later, gone from the ranking.
        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
            _admin.PostAsJsonAsync($"{world.Complaints}/{id}/anchor", new { definitionId = "issue-test" })));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        var instances = (await _admin.GetFromJsonAsync<JsonObject>($"/api/instances?communityId={world.CommunityId}"))!["items"]!.AsArray();
        var instance = Assert.Single(instances);
        var complaint = (await world.GetAsync(_admin, id))["complaint"]!;
        Assert.Equal((string)instance!["id"]!, (string)complaint["instanceId"]!);
        Assert.Equal($"{world.Code.ToUpperInvariant()}-2026-001", (string)complaint["caseNumber"]!);
        Assert.Single((await _admin.GetFromJsonAsync<JsonArray>("/api/outbox?status=pending"))!); // 2栋's head, once
    }

    [Fact]
    public async Task Anchor_WorkflowNotPublishedOrInputsInvalid_ChangesNothing()
    {
        await PublishAsync(Definition.Replace("\"issue-test\"", "\"draft-only\"", StringComparison.Ordinal), "draft-only", publish: false);
        await PublishAsync(Definition, "issue-test");
        var world = await ComplaintWorld.CreateAsync(_admin, "n" + Guid.NewGuid().ToString("N")[..8]);
        var id = await world.LogAsync(_admin, world.Draft("监控盲区", 4, 4, 6, buildings: ["1栋", "2栋"], category: "security"));
        var caseNumber = $"{world.Code.ToUpperInvariant()}-2026-001";

        var invalid = await _admin.PostAsJsonAsync($"{world.Complaints}/{id}/anchor", new { definitionId = "issue-test", input = new { budget = 50000 } });
        var draft = await _admin.PostAsJsonAsync($"{world.Complaints}/{id}/anchor", new { definitionId = "draft-only" });

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.NotNull((await invalid.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["budget"]);
        Assert.Equal(HttpStatusCode.NotFound, draft.StatusCode);
        var problem = (await draft.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(("definition-not-published", "该流程尚未发布"), ((string)problem["code"]!, (string)problem["title"]!));
        var details = await world.GetAsync(_admin, id);
        Assert.Equal("open", (string)details["complaint"]!["status"]!);
        Assert.Null(details["complaint"]!["caseNumber"]);
        Assert.Null(details["complaint"]!["instanceId"]);
        Assert.Equal(["logged"], details["history"]!.AsArray().Select(e => (string)e!["kind"]!));
        Assert.Empty(await InstancesAsync(caseNumber));
        Assert.Empty((await _admin.GetFromJsonAsync<JsonArray>("/api/outbox?status=pending"))!);

        // Without a definitionId the default, fanshi-youjiqing, starts; until it exists, the answer is the same 404.
        if (!(await _admin.GetAsync("/api/workflows/fanshi-youjiqing")).IsSuccessStatusCode)
            Assert.Equal(HttpStatusCode.NotFound, (await _admin.PostAsync($"{world.Complaints}/{id}/anchor", null)).StatusCode);
    }
}
