using Deliberation.Persistence;
using Deliberation.Persistence.Identity;
using Microsoft.AspNetCore.Identity;

namespace Deliberation.Host.Auth;

/// <summary>
/// Creates the roles, and the first administrator from configuration when none exists. There is no
/// default password: without <c>Deliberation:Auth:AdminEmail</c> and <c>AdminPassword</c> the log says
/// how to create one.
/// </summary>
public sealed class AdministratorBootstrap(IServiceScopeFactory scopes, DatabaseSecrets secrets, AuthOptions options, TimeProvider time, ILogger<AdministratorBootstrap> logger) : IHostedService
{
    /// <inheritdoc/>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Hosts starting together take turns, so that only the first creates the roles and the administrator.
        await using var turn = await secrets.LockStartupAsync(cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        foreach (var role in AuthRoles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.CreateVersion7() });

        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        if ((await users.GetUsersInRoleAsync(AuthRoles.Administrator)).Count > 0) return;
        if (string.IsNullOrWhiteSpace(options.AdminEmail) || string.IsNullOrWhiteSpace(options.AdminPassword))
        {
            logger.LogWarning("No administrator exists. Set Deliberation__Auth__AdminEmail and Deliberation__Auth__AdminPassword and start again to create one.");
            return;
        }
        var result = await CreateUserAsync(users, options.AdminEmail, "管理员", options.AdminPassword, [AuthRoles.Administrator], time);
        if (result.Succeeded) logger.LogInformation("Created the first administrator account.");
        else logger.LogError("Could not create the first administrator: {Errors}", string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>Creates an account with roles.</summary>
    public static async Task<IdentityResult> CreateUserAsync(UserManager<StaffUser> users, string email, string displayName, string password,
        IEnumerable<string> roles, TimeProvider time, Guid? personId = null)
    {
        var user = new StaffUser
        {
            Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName,
            PersonId = personId, CreatedAt = time.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, password);
        return created.Succeeded ? await users.AddToRolesAsync(user, roles) : created;
    }

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
