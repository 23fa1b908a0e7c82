using System.Net;
using System.Security.Cryptography;
using Deliberation.Civic.Links;
using Deliberation.Civic.Participation;
using Deliberation.Host.Hosting;
using Deliberation.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Host.Tests.Participation;

[Trait("Category", "Deliberation")]
public sealed class LinkKeyTests
{
    private static string KeyFile(HostFactory host) => Path.Combine(host.DataPath, "keys", "link-signing.key");

    [Fact]
    public async Task Start_NoConfiguredKey_KeepsAGeneratedKeyInTheDatabaseAndWritesNoKeyFile()
    {
        using var host = new HostFactory();

        var signer = host.Services.GetRequiredService<LinkSigner>();

        await using var db = host.Services.GetRequiredService<DeliberationDatabase>().CreateContext();
        var stored = await db.Secrets.SingleAsync(s => s.Name == SharedSecrets.LinkSigningKeyName);
        var key = Convert.FromBase64String(stored.Value);
        Assert.Equal(32, key.Length);
        var claims = new LinkClaims(Guid.NewGuid(), Guid.NewGuid(), TaskPurposes.Vote, host.Time.GetUtcNow().AddDays(1), 1);
        Assert.Equal(LinkStatus.Valid, new LinkSigner(key).Verify(signer.Sign(claims), host.Time.GetUtcNow()).Status);
        Assert.False(File.Exists(KeyFile(host)));
    }

    [Fact]
    public async Task Start_ConfiguredKey_SignsWithItAndWritesNoKeyFile()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        using var host = new HostFactory();
        host.Settings["Deliberation:Links:SigningKey"] = Convert.ToBase64String(key);
        host.Settings["Deliberation:PublicBaseUrl"] = "https://yiyi.example.cn/";

        var links = host.Services.GetRequiredService<AnswerLinks>();
        var task = new ParticipationTask { Id = Guid.NewGuid(), PersonId = Guid.NewGuid(), Purpose = TaskPurposes.Vote, LinkVersion = 1 };
        var url = links.CreateUrl(task, host.Time.GetUtcNow());

        Assert.StartsWith("https://yiyi.example.cn/t/", url);
        Assert.Equal(LinkStatus.Valid, new LinkSigner(key).Verify(url[(url.LastIndexOf('/') + 1)..], host.Time.GetUtcNow()).Status);
        Assert.False(File.Exists(KeyFile(host)));
        // A genuine token for a task that does not exist is refused as gone.
        Assert.Equal(HttpStatusCode.Gone, (await host.CreateAnonymousClient().GetAsync(new Uri(url).AbsolutePath)).StatusCode);
    }
}
