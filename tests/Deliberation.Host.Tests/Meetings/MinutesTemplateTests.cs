using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace Deliberation.Host.Tests.Meetings;

/// <summary>
/// The minutes template is data staff can edit: one that breaks, reaches for .NET, loops without bound or writes
/// without bound raises an incident on 归档会议纪要 and files nothing; once fixed, retrying the incident files the
/// minutes and the workflow goes on, no step lost. A proposal titled with a script tag stays text.
/// </summary>
[Trait("Category", "Deliberation")]
public sealed class MinutesTemplateTests(SmtpServer smtp) : IClassFixture<SmtpServer>, IAsyncLifetime
{
    private const string Template = "minutes-test.zh-CN.scriban";
    private readonly string _workflows = TestPaths.NewTempFolder();
    private HostFactory _host = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        await smtp.StartAsync();
        // The host reads workflows and templates from a copy that this test may edit.
        CopyFolder(Path.Combine(TestPaths.RepositoryRoot, "workflows"), _workflows);
        _host = new HostFactory
        {
            Settings =
            {
                ["Deliberation:WorkflowsPath"] = _workflows,
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
        try { Directory.Delete(_workflows, recursive: true); } catch (IOException) { /* best effort */ }
    }

    private const string Hostile = "[点我](javascript:alert(1)) ![图](https://evil.example/x.png) ## 七、补充决议";

    [Fact]
    public async Task BrokenAndHostileTemplates_RaiseIncidents_AndAFixedTemplateFilesOnRetry()
    {
        var path = Path.Combine(_workflows, "templates", Template);
        await File.WriteAllTextAsync(path, "{{ for point in model.points }}- {{ point }}\n"); // no {{ end }}
        var world = await MeetingWorld.CreateAsync(_host, smtp, _admin, new { minutesTemplate = Template });
        var meetingId = await world.PlanAsync(world.Beijing(5, 19), world.Beijing(6, 19));
        await world.ConveneAsync(meetingId, new Dictionary<string, string[]> { ["甲一"] = ["slot-1"] },
            new Dictionary<string, string> { ["甲一"] = "yes", ["乙二"] = "yes", ["丙三"] = "yes" });
        await world.CheckQuorumAsync();
        await world.StartMeetingAsync(meetingId);
        await world.RecordAttendanceAsync(meetingId, ("甲一", true), ("乙二", true), ("丙三", true), ("钱律师", true));
        await world.PostAsync($"{world.Api}/meetings/{meetingId}/proposals", new { title = "<script>alert('x')</script>方案二", body = "北侧加装" });
        // A point written as Markdown syntax: in every rendition it stays the words that were written.
        await world.PostAsync($"{world.Api}/meetings/{meetingId}/points", new { text = Hostile });
        var proposalId = (string)(await world.MeetingAsync(meetingId))["proposals"]!.AsArray().Single()!["id"]!;
        await world.PostAsync($"{world.Api}/meetings/{meetingId}/proposals/{proposalId}/discussed", new { });
        await world.VoteAsync(meetingId, "是否同意方案二", ("甲一", "yes", null), ("乙二", "yes", null), ("丙三", "no", "费用太高"));
        await world.AddActionItemAsync(meetingId, "电梯招标", "业委会", "乙二", world.Beijing(30, 17));
        await world.PostAsync($"{world.Api}/meetings/{meetingId}/close", new { });

        // A syntax error: an incident on the minutes step, nothing filed, nobody emailed.
        var incident = await IncidentAsync(world, "has errors");
        Assert.Empty((await world.MeetingAsync(meetingId))["minutes"]!.AsArray());

        // A loop without bound stops at the loop limit.
        await File.WriteAllTextAsync(path, "{{ for i in 1..100000000 }}x{{ end }}");
        incident = await RetryAndExpectIncidentAsync(world, incident, "loop");

        // A loop within the loop limit that writes 200 characters a turn would write 1.8 million: the output limit stops it.
        await File.WriteAllTextAsync(path, "{{ s = \"x\" | string.pad_right 200 }}{{ for i in 1..9000 }}{{ s }}{{ end }}");
        incident = await RetryAndExpectIncidentAsync(world, incident, "longer than");

        // Reaching for .NET members finds nothing: the script sees JSON data only. Then the real template.
        await File.WriteAllTextAsync(path, "{{ model.GetType }}{{ model.meeting.name.Length }}{{ date.now.GetType }}|"
            + await File.ReadAllTextAsync(Path.Combine(_workflows, "templates", "minutes.zh-CN.scriban")));
        var retried = await world.Staff.PostAsync($"/api/instances/{world.InstanceId}/incidents/{incident}/retry", null);
        Assert.True(retried.StatusCode == HttpStatusCode.OK, await retried.Content.ReadAsStringAsync());
        Assert.Contains("itemDone", await world.WaitingAsync()); // no incident left; on to step 5

        var minutes = await world.ReceiveAsync("甲一", "会议纪要");
        Assert.DoesNotContain("System.", minutes.TextBody, StringComparison.Ordinal);
        Assert.Contains("<script>alert('x')</script>方案二", minutes.TextBody, StringComparison.Ordinal); // plain text stays as written
        Assert.DoesNotContain("<script>", minutes.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", minutes.HtmlBody, StringComparison.Ordinal);
        var filed = (await world.MeetingAsync(meetingId))["minutes"]!.AsArray();
        Assert.Equal(2, filed.Count);
        Assert.Contains(Hostile, minutes.TextBody, StringComparison.Ordinal);
        foreach (var markup in new[] { "<a ", "<img", "<h3", "href=\"javascript:" }) Assert.DoesNotContain(markup, minutes.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("[点我](javascript:alert(1)) ![图](https://evil.example/x.png) ## 七、补充决议", minutes.HtmlBody, StringComparison.Ordinal);
        var chinese = filed.Single(f => (string)f!["culture"]! == "zh-CN")!;
        var markdown = await world.Staff.GetStringAsync($"{world.Api}/minutes/{(string)chinese["id"]!}/markdown");
        Assert.Contains(@"\[点我\](javascript:alert(1)) \!\[图\](https://evil.example/x.png) \#\# 七、补充决议", markdown, StringComparison.Ordinal);
        var docx = await world.Staff.GetByteArrayAsync($"{world.Api}/minutes/{(string)chinese["id"]!}/docx");
        using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(docx), false);
        Assert.Contains(Hostile, word.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
    }

    private static async Task<string> IncidentAsync(MeetingWorld world, string messagePart)
    {
        var incidents = (await world.InstanceAsync())["incidents"]!.AsArray();
        var incident = Assert.Single(incidents)!;
        Assert.Equal("minutes", (string)incident["activityId"]!);
        Assert.Contains(messagePart, (string)incident["message"]!, StringComparison.OrdinalIgnoreCase);
        // Told by code in the staff member's language (Chinese by default), the engine's English kept beside it.
        Assert.StartsWith("template-", (string)incident["code"]!, StringComparison.Ordinal);
        Assert.Contains("模板", (string)incident["text"]!, StringComparison.Ordinal);
        return (string)incident["id"]!;
    }

    private static async Task<string> RetryAndExpectIncidentAsync(MeetingWorld world, string incident, string messagePart)
    {
        await world.Staff.PostAsync($"/api/instances/{world.InstanceId}/incidents/{incident}/retry", null);
        return await IncidentAsync(world, messagePart);
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
