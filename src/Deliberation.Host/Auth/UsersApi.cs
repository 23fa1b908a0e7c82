using Deliberation.Host.Api;
using Deliberation.Engine.Runtime;
using Deliberation.Persistence;
using Deliberation.Persistence.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Host.Auth;

/// <summary>Accounts, managed by administrators: roles and the communities each account is scoped to.</summary>
public static class UsersApi
{
    /// <summary>A new account.</summary>
    public sealed record CreateUserRequest(string Email, string DisplayName, string Password, IReadOnlyList<string> Roles, IReadOnlyList<Guid>? CommunityIds, Guid? PersonId);

    /// <summary>An account as listed.</summary>
    public sealed record UserSummary(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<Guid> CommunityIds, Guid? PersonId);

    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/users").WithTags("Accounts").RequireAuthorization(AuthRoles.AdministratorPolicy);
        api.MapPost("/", CreateAsync).WithSummary("Creates an account with roles and communities (administrators).");
        api.MapGet("/", ListAsync).WithSummary("Lists accounts (administrators).");
        return app;
    }

    /// <summary>Creates an account.</summary>
    public static async Task<Created<UserSummary>> CreateAsync(CreateUserRequest request, UserManager<StaffUser> users, DeliberationDatabase database,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, FieldError[]>();
        var unknown = (request.Roles ?? []).Where(r => !AuthRoles.All.Contains(r)).ToList();
        if (request.Roles is not { Count: > 0 }) errors["roles"] = [ApiFields.RolesRequired.Error()];
        if (unknown.Count > 0) errors["roles"] = [ApiFields.RolesUnknown.With(("roles", string.Join(", ", unknown)), ("known", string.Join(", ", AuthRoles.All)))];
        await using var db = database.CreateContext(tracking: true);
        var communityIds = request.CommunityIds ?? [];
        var known = await db.Communities.Where(c => communityIds.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken);
        if (known.Count != communityIds.Distinct().Count()) errors["communityIds"] = [ApiFields.CommunitiesUnknown.Error()];
        if (errors.Count > 0) throw new WorkflowException(WorkflowErrorKind.Invalid, "invalid-input", "The account is invalid.") { FieldErrors = errors };

        var result = await AdministratorBootstrap.CreateUserAsync(users, request.Email, request.DisplayName, request.Password, request.Roles!, time, request.PersonId);
        if (!result.Succeeded)
            throw new WorkflowException(WorkflowErrorKind.Invalid, "invalid-input", "The account could not be created.")
            {
                Errors = new Dictionary<string, string[]> { ["account"] = result.Errors.Select(e => e.Description).ToArray() },
            };
        var user = (await users.FindByEmailAsync(request.Email))!;
        foreach (var id in communityIds.Distinct()) db.StaffCommunities.Add(new StaffCommunity { UserId = user.Id, CommunityId = id });
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/users/{user.Id}", new UserSummary(user.Id, user.Email!, user.DisplayName, request.Roles!, communityIds.Distinct().ToList(), user.PersonId));
    }

    /// <summary>Lists accounts.</summary>
    public static async Task<Ok<List<UserSummary>>> ListAsync(UserManager<StaffUser> users, DeliberationDatabase database, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var scopes = await db.StaffCommunities.ToListAsync(cancellationToken);
        var list = new List<UserSummary>();
        foreach (var user in await db.Users.OrderBy(u => u.Email).ToListAsync(cancellationToken))
            list.Add(new UserSummary(user.Id, user.Email ?? "", user.DisplayName, [.. await users.GetRolesAsync(user)],
                scopes.Where(s => s.UserId == user.Id).Select(s => s.CommunityId).ToList(), user.PersonId));
        return TypedResults.Ok(list);
    }
}
