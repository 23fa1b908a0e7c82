using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Deliberation.Civic.Communities;
using Deliberation.Civic.Participation;
using Deliberation.Host.Hosting;
using Deliberation.Persistence;

namespace Deliberation.Host.Tests.Hosting;

/// <summary>
/// Links in emails carry the address the host listens on unless <c>Deliberation:PublicBaseUrl</c> says otherwise
/// (<see cref="PublicAddress"/>).
/// </summary>
[Trait("Category", "ScaleOut")]
public sealed partial class PublicAddressTests : IDisposable
{
    private static readonly TimeSpan MailLimit = TimeSpan.FromSeconds(30);

    private readonly string _data = TestPaths.NewTempFolder();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { /* best effort */ }
    }

    [Theory]
    [InlineData("http://127.0.0.1:5123", "http://127.0.0.1:5123/")]
    [InlineData("http://localhost:5124", "http://localhost:5124/")]
    [InlineData("https://yiyi.example.cn:8443", "https://yiyi.example.cn:8443/")]
    public void FromListening_NamedAddress_IsThatAddress(string listening, string expected)
    {
        var address = PublicAddress.FromListening([listening], out var wildcard);

        Assert.Equal(expected, address?.ToString());
        Assert.Null(wildcard);
    }

    [Theory]
    [InlineData("http://0.0.0.0:5080", "http://127.0.0.1:5080/")]
    [InlineData("http://[::]:5081", "http://127.0.0.1:5081/")]
    [InlineData("http://+:5082", "http://127.0.0.1:5082/")]
    [InlineData("http://*:5083", "http://127.0.0.1:5083/")]
    public void FromListening_Wildcard_IsLoopbackOnItsPortAndSaysSo(string listening, string expected)
    {
        var address = PublicAddress.FromListening([listening], out var wildcard);

        Assert.Equal(expected, address?.ToString());
        Assert.Equal(listening, wildcard);
    }

    [Fact]
    public void FromListening_SeveralOrNone_FirstHttpAddressOrNull()
    {
        Assert.Equal("http://127.0.0.1:5090/", PublicAddress.FromListening(["unix:/tmp/deliberation.sock", "http://127.0.0.1:5090", "http://127.0.0.1:5091"], out _)?.ToString());
        Assert.Null(PublicAddress.FromListening([], out _));
    }

    [Fact]
    public async Task HostProcess_OnAnotherPortWithoutPublicBaseUrl_MailsLinksWithItsPort()
    {
        // Arrange: a host on a free port (not 5080), with Deliberation:PublicBaseUrl empty as appsettings.json has it.
        await using var host = await HostProcess.StartAsync(_data, [.. TestAccounts.Settings, new("Deliberation:PublicBaseUrl", "")]);
        Assert.NotEqual(5080, host.Address.Port);
        var community = new Community { Id = Guid.NewGuid(), Code = "port-" + Guid.NewGuid().ToString("N")[..8], Name = "大龙社区", CreatedAt = DateTimeOffset.UtcNow };
        var person = new Person { Id = Guid.NewGuid(), CommunityId = community.Id, Name = "王芳", Email = "wang.fang@example.com", CreatedAt = DateTimeOffset.UtcNow };
        using (var database = new DeliberationDatabase(new DatabaseOptions { ConnectionString = $"Data Source={Path.Combine(_data, "deliberation.db")}" }))
        await using (var db = database.CreateContext(tracking: true))
        {
            db.Communities.Add(community);
            db.People.Add(person);
            await db.SaveChangesAsync();
        }
        using var staff = host.CreateAnonymousClient();
        await TestAccounts.SignInAsync(staff);
        var created = await staff.PostAsJsonAsync($"/api/communities/{community.Id}/tasks", new
        {
            personId = person.Id, purpose = TaskPurposes.Ballot, title = "5号楼加装电梯方案表决",
            data = JsonNode.Parse("""{"options":[{"value":"a","label":"同意"},{"value":"b","label":"不同意"}]}"""),
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var taskId = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["taskId"]!;

        // Act: reissuing the link emails it (through the outbox, into the pickup folder).
        var reissued = await staff.PostAsync($"/api/tasks/{taskId}/reissue-link", null);
        var link = (string)(await reissued.Content.ReadFromJsonAsync<JsonObject>())!["link"]!;
        var mailed = await MailedLinkAsync(Path.Combine(_data, "mail", "pickup"), host);

        // Assert
        var expected = $"http://127.0.0.1:{host.Address.Port}/t/";
        Assert.StartsWith(expected, link);
        Assert.Equal(link, mailed);
        using var resident = host.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await resident.GetAsync(new Uri(mailed).AbsolutePath)).StatusCode);
        Assert.Contains($"Links in emails start with http://127.0.0.1:{host.Address.Port}/", host.Output);
    }

    /// <summary>The answer link of the first email in the pickup folder, waiting for the outbox within a bound.</summary>
    private static async Task<string> MailedLinkAsync(string pickup, HostProcess host)
    {
        var deadline = DateTime.UtcNow + MailLimit;
        while (true)
        {
            var file = Directory.Exists(pickup) ? Directory.GetFiles(pickup, "*.eml").FirstOrDefault() : null;
            if (file is not null)
            {
                var message = await MimeKit.MimeMessage.LoadAsync(file);
                var match = AnswerLink().Match(message.TextBody ?? "");
                Assert.True(match.Success, $"No answer link in: {message.TextBody}");
                return match.Value;
            }
            if (DateTime.UtcNow > deadline) Assert.Fail($"No email reached the pickup folder within {MailLimit}.\n{host.Output}");
            await Task.Delay(200);
        }
    }

    [GeneratedRegex(@"https?://[^\s/]+/t/[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+")]
    private static partial Regex AnswerLink();
}
