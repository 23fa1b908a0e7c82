using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Deliberation.Host.Tests.Api;

/// <summary>The roster on PostgreSQL: the serializable import, the role filter and numeric floor areas.</summary>
[Trait("Category", "Deliberation")]
public sealed class CommunitiesApiPostgresTests(PostgresCluster cluster) : IClassFixture<PostgresCluster>
{
    [Fact]
    public async Task ImportListExport_OnPostgres_BehaveAsOnSqlite()
    {
        await cluster.CreateDatabaseAsync("deliberation_roster");
        var data = TestPaths.NewTempFolder();
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseContentRoot(TestPaths.RepositoryRoot);
            builder.UseSetting("Deliberation:DataPath", data);
            builder.UseSetting("Deliberation:Database:Provider", "PostgreSql");
            builder.UseSetting("Deliberation:Database:ConnectionString", cluster.ConnectionString("deliberation_roster"));
            foreach (var (key, value) in TestAccounts.Settings) builder.UseSetting(key, value);
            builder.UseSetting("Deliberation:BackgroundLoops", "false");
        });
        var client = factory.CreateClient();
        await TestAccounts.SignInAsync(client);
        var (id, _, _) = await RosterApi.CreateCommunityAsync(client, "pg-roster");

        var imported = await RosterApi.ImportAsync(client, id, RosterApi.Gbk().GetBytes(RosterApi.ValidRoster), "roster.csv");
        var again = await RosterApi.ImportAsync(client, id, RosterApi.Gbk().GetBytes(RosterApi.ValidRoster), "roster.csv");
        var export = await client.GetByteArrayAsync($"/api/communities/{id}/roster/export");

        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(
        [
            "1栋|1203|89.5|王小明|Resident+BuildingHead|wang@example.com|138****5678|true",
            "1栋|1203|89.5|王小红|Resident|||false",
            "2栋|301|75|欧阳娜娜|Resident||139****1111|true",
            "|||张律师|Lawyer|zhang@lawfirm.example.cn|075****4567|false",
        ], RosterApi.Describe(await RosterApi.PeopleAsync(client, id)));
        Assert.Equal(["王小明"], RosterApi.Describe(await RosterApi.PeopleAsync(client, id, "?role=楼长")).Select(d => d.Split('|')[3]));
        Assert.Contains("西苑,,2栋,,301,75,欧阳娜娜,居民,,13900001111,是", Encoding.UTF8.GetString(export), StringComparison.Ordinal);
    }
}
