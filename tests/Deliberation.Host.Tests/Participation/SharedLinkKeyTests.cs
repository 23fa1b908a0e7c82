using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Deliberation.Civic.Communities;
using Deliberation.Civic.Links;
using Deliberation.Civic.Participation;
using Deliberation.Host.Hosting;
using Deliberation.Persistence;
using Deliberation.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Host.Tests.Participation;

/// <summary>
/// The link-signing key in the database (<see cref="SharedSecrets"/>): an install that kept its key in a file of the data
/// folder hands it over on its first start after the upgrade, so the links it mailed keep opening.
/// </summary>
[Trait("Category", "ScaleOut")]
public sealed class SharedLinkKeyTests
{
    private static string KeyFile(HostFactory host) => Path.Combine(host.DataPath, "keys", "link-signing.key");

    private static void WriteKeyFile(HostFactory host, byte[] key)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(KeyFile(host))!);
        File.WriteAllText(KeyFile(host), Convert.ToBase64String(key));
    }

    private static async Task<string?> StoredKeyAsync(HostFactory host)
    {
        await using var db = host.Services.GetRequiredService<DeliberationDatabase>().CreateContext();
        return await db.Secrets.Where(s => s.Name == SharedSecrets.LinkSigningKeyName).Select(s => s.Value).SingleOrDefaultAsync();
    }

    [Fact]
    public async Task Start_KeyFileOfASingleHostInstall_TakesItsKeyOverAndItsMailedLinksStillOpen()
    {
        var oldKey = RandomNumberGenerator.GetBytes(32);
        using var host = new HostFactory();
        WriteKeyFile(host, oldKey);
        var staff = host.CreateClient();
        var now = host.Time.GetUtcNow();
        var community = new Community { Id = Guid.NewGuid(), Code = "c" + Guid.NewGuid().ToString("N")[..12], Name = "大龙社区", CreatedAt = now };
        var person = new Person { Id = Guid.NewGuid(), CommunityId = community.Id, Name = "王芳", CreatedAt = now };
        await using (var db = host.Services.GetRequiredService<DeliberationDatabase>().CreateContext())
        {
            db.Communities.Add(community);
            db.People.Add(person);
            await db.SaveChangesAsync();
        }
        var created = await staff.PostAsJsonAsync($"/api/communities/{community.Id}/tasks", new
        {
            personId = person.Id, purpose = TaskPurposes.Ballot, title = "5号楼加装电梯方案表决",
            data = JsonNode.Parse("""{"options":[{"value":"a","label":"同意"},{"value":"b","label":"不同意"}]}"""),
        });
        var taskId = Guid.Parse((string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["taskId"]!);
        // The link as the install mailed it before the upgrade: signed with the key of its file.
        var mailedBefore = "/t/" + new LinkSigner(oldKey).Sign(new LinkClaims(taskId, person.Id, TaskPurposes.Ballot, now.AddDays(30), 1));

        var page = await host.CreateAnonymousClient().GetAsync(mailedBefore);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("5号楼加装电梯方案表决", await page.Content.ReadAsStringAsync());
        Assert.Equal(Convert.ToBase64String(oldKey), await StoredKeyAsync(host));
        Assert.True(File.Exists(KeyFile(host)), "The key file is left where it was.");
    }

    [Fact]
    public async Task Start_DatabaseHoldsAKey_UsesItAndIgnoresAnotherKeyFile()
    {
        var databaseKey = RandomNumberGenerator.GetBytes(32);
        using var host = new HostFactory();
        WriteKeyFile(host, RandomNumberGenerator.GetBytes(32));
        // The database another host already keyed: migrated, with its key stored.
        using (var database = new DeliberationDatabase(new DatabaseOptions { ConnectionString = $"Data Source={Path.Combine(host.DataPath, "deliberation.db")}" }))
        {
            await database.MigrateAsync(CancellationToken.None);
            await using var db = database.CreateContext(tracking: true);
            db.Secrets.Add(new SecretRow { Name = SharedSecrets.LinkSigningKeyName, Value = Convert.ToBase64String(databaseKey), CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        var token = host.Services.GetRequiredService<LinkSigner>().Sign(
            new LinkClaims(Guid.NewGuid(), Guid.NewGuid(), TaskPurposes.Vote, host.Time.GetUtcNow().AddDays(1), 1));

        Assert.Equal(LinkStatus.Valid, new LinkSigner(databaseKey).Verify(token, host.Time.GetUtcNow()).Status);
        Assert.Equal(Convert.ToBase64String(databaseKey), await StoredKeyAsync(host));
    }

    [Fact]
    public async Task GetOrAdd_ManyAtOnce_AllGetTheFirstStoredValue()
    {
        using var host = new HostFactory();
        var secrets = host.Services.GetRequiredService<DatabaseSecrets>();
        var values = Enumerable.Range(0, 8).Select(i => $"value-{i}").ToList();

        var stored = await Task.WhenAll(values.Select(v => Task.Run(() => secrets.GetOrAddAsync("race", v, CancellationToken.None))));

        Assert.All(stored, s => Assert.Equal(stored[0], s));
        Assert.Contains(stored[0], values);
        Assert.Equal(stored[0], await secrets.FindAsync("race", CancellationToken.None));
    }
}
