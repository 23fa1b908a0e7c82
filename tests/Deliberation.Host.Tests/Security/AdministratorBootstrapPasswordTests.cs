using System.Net;
using System.Net.Http.Json;

namespace Deliberation.Host.Tests.Security;

/// <summary>The first administrator's configured password is held to the same rule as every other: a weak one creates no account.</summary>
[Trait("Category", "Security")]
public sealed class AdministratorBootstrapPasswordTests : IAsyncLifetime
{
    private readonly HostFactory _host = new() { Settings = { ["Deliberation:Auth:AdminPassword"] = "password12" } };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task StartAsync_WeakConfiguredPassword_CreatesNoAdministrator()
    {
        using var client = _host.CreateAnonymousClient();

        var signIn = await client.PostAsJsonAsync("/api/auth/login", new { email = TestAccounts.AdminEmail, password = "password12", useCookies = false });

        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
    }
}
