using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Deliberation.Integrations.Outbox;
using Deliberation.Persistence;
using Deliberation.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Host.Tests.Asking;

/// <summary>
/// 征询参与者 with the 进展与照片 form: two people report their progress through the links a real SMTP server (aiosmtpd)
/// received, one with a photo taken on the answer page; the output carries each person's latest report and whether it has a
/// photo, which staff fetch from the instance's output and from the task. Fake time.
/// </summary>
[Trait("Category", "Deliberation")]
public sealed class AskProgressTests(SmtpServer smtp) : IClassFixture<SmtpServer>, IAsyncLifetime
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private HostFactory _host = null!;
    private HttpClient _staff = null!;
    private HttpClient _resident = null!;
    private AskWorld _world = null!;

    public async Task InitializeAsync()
    {
        await smtp.StartAsync();
        _host = AskRuns.HostMailingTo(smtp);
        _staff = _host.CreateClient();
        _resident = _host.CreateAnonymousClient();
        _world = await AskWorld.SeedAsync(_host.Services.GetRequiredService<DeliberationDatabase>(), _host.Time.GetUtcNow(), _run);
    }

    public async Task DisposeAsync()
    {
        _staff.Dispose();
        _resident.Dispose();
        await _host.DisposeAsync();
    }

    private static string AskProgress(string id) => $$$"""
        {
          "id": "{{{id}}}",
          "displayName": { "zh-CN": "楼道照明整改进展", "en": "Stairwell lighting progress" },
          "inputs": [ { "name": "ids", "type": "text", "required": true } ],
          "activities": [
            { "id": "start", "type": "Start" },
            { "id": "ask", "type": "AskParticipants", "label": "汇报整改进展", "inputs": {
                "title": { "type": "literal", "value": "5栋楼道照明整改进展如何？" },
                "text": { "type": "literal", "value": "请填写完成比例和情况，可附现场照片。" },
                "form": { "type": "literal", "value": "progress-photo" },
                "audience": { "type": "literal", "value": "people" },
                "audienceIds": { "type": "scriban", "value": "{{ input.ids }}" },
                "deadline": { "type": "literal", "value": "3d" } } },
            { "id": "end", "type": "End" }
          ],
          "connections": [
            { "source": "start", "sourcePort": "Done", "target": "ask", "targetPort": "In" },
            { "source": "ask", "sourcePort": "AllAnswered", "target": "end", "targetPort": "In" },
            { "source": "ask", "sourcePort": "Deadline", "target": "end", "targetPort": "In" }
          ]
        }
        """;

    [Fact]
    public async Task AskProgressWithPhoto_ReportedByLink_OutputsTheLatestReportsAndTheirPhotos()
    {
        var id = $"progress-{_run}";
        var zhang = _world.People["张一"].ToString();
        var head = _world.People["王楼长"].ToString();
        var instanceId = await AskRuns.StartAsync(_staff, _world.Community, AskProgress(id), id, new { ids = $"{zhang},{head}" });

        // The email says how to answer; the page is the progress form with a photo field.
        var zhangMail = await ReceiveAsync(_world.Emails["张一"], "【征询】5栋楼道照明整改进展如何？");
        Assert.Contains("完成进度", zhangMail.TextBody, StringComparison.Ordinal);
        var zhangLink = EmailedLinks.LinkIn(zhangMail);
        var page = await _resident.GetStringAsync(zhangLink);
        Assert.Contains("name=\"percent\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"photo\"", page, StringComparison.Ordinal);

        // 张一 reports 30%, then 60% with a photo from the site; 王楼长 reports done without one.
        await EmailedLinks.ReportProgressAsync(_resident, zhangLink, "30", done: false, "已采购灯具");
        Assert.Equal(["ask"], await AskRuns.WaitingAsync(_staff, instanceId));
        _host.Time.Advance(TimeSpan.FromHours(2));
        var sitePhoto = TestImages.Jpeg(48, 32);
        await EmailedLinks.ReportProgressAsync(_resident, zhangLink, "60", done: false, "一至三层已更换", sitePhoto);
        Assert.Equal(["ask"], await AskRuns.WaitingAsync(_staff, instanceId));
        var headLink = EmailedLinks.LinkIn(await ReceiveAsync(_world.Emails["王楼长"], "【征询】5栋楼道照明整改进展如何？"));
        await EmailedLinks.ReportProgressAsync(_resident, headLink, "", done: true, "全部完成");

        var instance = (await _staff.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}"))!;
        Assert.Equal("Finished", (string)instance["instance"]!["status"]!);
        var ask = instance["outputs"]!["ask"]!;
        Assert.Equal(("AllAnswered", "progress-photo"), ((string)ask["outcome"]!, (string)ask["kind"]!));
        var zhangAnswer = ask["answers"]![zhang]!;
        Assert.Equal((60, false, "一至三层已更换", true), ((int)zhangAnswer["percent"]!, (bool)zhangAnswer["done"]!, (string)zhangAnswer["comment"]!, (bool)zhangAnswer["photo"]!));
        var headAnswer = ask["answers"]![head]!;
        Assert.Equal((100, true, false), ((int)headAnswer["percent"]!, (bool)headAnswer["done"]!, (bool)headAnswer["photo"]!));
        Assert.Null(headAnswer["answerId"]);
        var tally = ask["tally"]!;
        Assert.Equal((2, 80.0, 1, 1), ((int)tally["answered"]!, (double)tally["average"]!, (int)tally["done"]!, (int)tally["withPhoto"]!));

        // Staff fetch the photo by the task and answer the output names, re-encoded as every photo is; the task shows its URL too.
        var taskId = (string)zhangAnswer["taskId"]!;
        var photoUrl = $"/api/communities/{_world.Community}/tasks/{taskId}/answers/{(string)zhangAnswer["answerId"]!}/photo";
        var photo = await _staff.GetAsync(photoUrl);
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/jpeg", photo.Content.Headers.ContentType!.MediaType);
        var (width, height, _) = TestImages.Decode(await photo.Content.ReadAsByteArrayAsync(), 0, 0);
        Assert.Equal((48, 32), (width, height));
        var task = (await _staff.GetFromJsonAsync<JsonObject>($"/api/tasks/{taskId}"))!;
        Assert.Equal(photoUrl, (string)task["current"]!["photoUrl"]!);
        Assert.Null(task["history"]!.AsArray()[0]!["photoUrl"]);
    }

    private OutboxDispatcher Dispatcher => _host.Services.GetRequiredService<OutboxDispatcher>();

    private Task<MimeKit.MimeMessage> ReceiveAsync(string address, string subjectPart) => EmailedLinks.ReceiveAsync(smtp, Dispatcher, address, subjectPart);
}
