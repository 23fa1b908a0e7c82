using Deliberation.Host.Api;
using Deliberation.Engine.Runtime;
using Deliberation.Persistence;
using Deliberation.Persistence.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Host.Auth;

/// <summary>
/// Accounts, managed by administrators: roles, the communities each account is scoped to, a password reset (the
/// administrator sets a new password and tells the person) and disabling an account that is no longer needed.
/// </summary>
public static class UsersApi
{
    /// <summary>A new account.</summary>
    public sealed record CreateUserRequest(string Email, string DisplayName, string Password, IReadOnlyList<string> Roles, IReadOnlyList<Guid>? CommunityIds, Guid? PersonId);

    /// <summary>What an administrator changes on an account: its name, roles, communities, roster person and whether it may sign in.</summary>
    public sealed record UpdateUserRequest(string? DisplayName, IReadOnlyList<string>? Roles, IReadOnlyList<Guid>? CommunityIds, Guid? PersonId, bool Disabled);

    /// <summary>A new password set by an administrator.</summary>
    public sealed record ResetPasswordRequest(string? Password);

    /// <summary>An account as listed.</summary>
    /// <param name="Disabled">The account may not sign in (an administrator turned it off).</param>
    /// <param name="LockedOut">Too many wrong passwords: locked for a while; a password reset unlocks it.</param>
    public sealed record UserSummary(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<Guid> CommunityIds, Guid? PersonId,
        bool Disabled = false, bool LockedOut = false);

    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/users").WithTags("Accounts").RequireAuthorization(AuthRoles.AdministratorPolicy).ScopedBy(ScopeKind.Administration);
        api.MapPost("/", CreateAsync).WithSummary("Creates an account with roles and communities (administrators).");
        api.MapGet("/", ListAsync).WithSummary("Lists accounts (administrators).");
        api.MapPut("/{userId:guid}", UpdateAsync)
            .WithSummary("Changes an account's name, roles, communities, roster person, or disables it; the last administrator cannot lose the role or be disabled.");
        api.MapPost("/{userId:guid}/password", ResetPasswordAsync)
            .WithSummary("Sets a new password (at least 10 characters, not easy to guess: password-weak with the reasons otherwise) and lifts a lockout; the account's other sessions end.");
        return app;
    }

    /// <summary>Creates an account.</summary>
    public static async Task<Created<UserSummary>> CreateAsync(CreateUserRequest request, UserManager<StaffUser> users, DeliberationDatabase database,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, FieldError[]>();
        var roles = CheckRoles(request.Roles, errors);
        await using var db = database.CreateContext(tracking: true);
        var communityIds = await CheckCommunitiesAsync(db, request.CommunityIds, errors, cancellationToken);
        if (string.IsNullOrWhiteSpace(request.Email)) errors["email"] = [CommonFields.Required.Error()];
        else if (!Civic.Communities.EmailAddresses.IsValid(request.Email.Trim())) errors["email"] = [ApiFields.EmailInvalid.Error()];
        if (string.IsNullOrWhiteSpace(request.DisplayName)) errors["displayName"] = [CommonFields.Required.Error()];
        else if (request.DisplayName.Trim().Length > 100) errors["displayName"] = [CommonFields.AtMost.With(("max", 100))];
        ThrowIfAny(errors);

        var email = request.Email.Trim();
        var result = await AdministratorBootstrap.CreateUserAsync(users, email, request.DisplayName.Trim(), request.Password ?? "", roles, time, request.PersonId);
        if (!result.Succeeded) throw Refused(result, users);
        var user = (await users.FindByEmailAsync(email))!;
        foreach (var id in communityIds) db.StaffCommunities.Add(new StaffCommunity { UserId = user.Id, CommunityId = id });
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/users/{user.Id}", new UserSummary(user.Id, user.Email!, user.DisplayName, roles, communityIds, user.PersonId));
    }

    /// <summary>Lists accounts.</summary>
    public static async Task<Ok<List<UserSummary>>> ListAsync(UserManager<StaffUser> users, DeliberationDatabase database, TimeProvider time,
        CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var scopes = await db.StaffCommunities.ToListAsync(cancellationToken);
        var list = new List<UserSummary>();
        foreach (var user in await db.Users.OrderBy(u => u.Email).ToListAsync(cancellationToken))
            list.Add(await SummaryAsync(user, users, scopes.Where(s => s.UserId == user.Id).Select(s => s.CommunityId).ToList(), time));
        return TypedResults.Ok(list);
    }

    /// <summary>Changes an account.</summary>
    public static async Task<Ok<UserSummary>> UpdateAsync(Guid userId, UpdateUserRequest request, UserManager<StaffUser> users, DeliberationDatabase database,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw NotFound(userId);
        var errors = new Dictionary<string, FieldError[]>();
        var roles = CheckRoles(request.Roles, errors);
        await using var db = database.CreateContext(tracking: true);
        var communityIds = await CheckCommunitiesAsync(db, request.CommunityIds, errors, cancellationToken);
        var name = request.DisplayName?.Trim() ?? "";
        if (name.Length == 0) errors["displayName"] = [CommonFields.Required.Error()];
        else if (name.Length > 100) errors["displayName"] = [CommonFields.AtMost.With(("max", 100))];
        ThrowIfAny(errors);

        var current = await users.GetRolesAsync(user);
        var losesAdministrator = current.Contains(AuthRoles.Administrator) && (!roles.Contains(AuthRoles.Administrator) || request.Disabled);
        if (losesAdministrator && await ActiveAdministratorsAsync(users) <= 1)
            throw new WorkflowException(WorkflowErrorKind.Conflict, "last-administrator",
                "This is the last administrator: give another account the role first, or nobody could manage accounts.");

        user.DisplayName = name;
        user.PersonId = request.PersonId;
        Check(await users.UpdateAsync(user), users);
        Check(await users.RemoveFromRolesAsync(user, current.Except(roles)), users);
        Check(await users.AddToRolesAsync(user, roles.Except(current)), users);
        var wasDisabled = IsDisabled(user);
        if (request.Disabled != wasDisabled)
        {
            Check(await users.SetLockoutEnabledAsync(user, true), users);
            Check(await users.SetLockoutEndDateAsync(user, request.Disabled ? DateTimeOffset.MaxValue : null), users);
        }
        // A changed role or a disabled account ends the sessions it has (their cookies carry the old security stamp).
        if (request.Disabled != wasDisabled || !current.ToHashSet().SetEquals(roles)) Check(await users.UpdateSecurityStampAsync(user), users);

        var scopes = await db.StaffCommunities.Where(s => s.UserId == userId).ToListAsync(cancellationToken);
        db.StaffCommunities.RemoveRange(scopes.Where(s => !communityIds.Contains(s.CommunityId)));
        foreach (var id in communityIds.Where(id => scopes.All(s => s.CommunityId != id)))
            db.StaffCommunities.Add(new StaffCommunity { UserId = userId, CommunityId = id });
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await SummaryAsync(user, users, communityIds, time));
    }

    /// <summary>Sets a new password.</summary>
    public static async Task<NoContent> ResetPasswordAsync(Guid userId, ResetPasswordRequest request, UserManager<StaffUser> users)
    {
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw NotFound(userId);
        var password = request.Password ?? "";
        foreach (var validator in users.PasswordValidators)
        {
            var valid = await validator.ValidateAsync(users, user, password);
            if (!valid.Succeeded) throw Refused(valid, users);
        }
        Check(await users.RemovePasswordAsync(user), users);
        Check(await users.AddPasswordAsync(user, password), users);
        if (!IsDisabled(user)) Check(await users.SetLockoutEndDateAsync(user, null), users);
        Check(await users.ResetAccessFailedCountAsync(user), users);
        return TypedResults.NoContent();
    }

    private static async Task<UserSummary> SummaryAsync(StaffUser user, UserManager<StaffUser> users, List<Guid> communityIds, TimeProvider time) =>
        new(user.Id, user.Email ?? "", user.DisplayName, [.. await users.GetRolesAsync(user)], communityIds, user.PersonId,
            IsDisabled(user), !IsDisabled(user) && user.LockoutEnd is { } end && end > time.GetUtcNow());

    /// <summary>
    /// Disabled: locked until the end of time (a lockout for wrong passwords ends within minutes). The year, not the exact
    /// value, because a database may keep the time less precisely than <see cref="DateTimeOffset.MaxValue"/>.
    /// </summary>
    internal static bool IsDisabled(StaffUser user) => user.LockoutEnd is { Year: >= 9999 };

    private static async Task<int> ActiveAdministratorsAsync(UserManager<StaffUser> users) =>
        (await users.GetUsersInRoleAsync(AuthRoles.Administrator)).Count(u => !IsDisabled(u));

    private static List<string> CheckRoles(IReadOnlyList<string>? requested, Dictionary<string, FieldError[]> errors)
    {
        var roles = (requested ?? []).Where(r => r is not null).Distinct(StringComparer.Ordinal).ToList();
        var unknown = roles.Where(r => !AuthRoles.All.Contains(r)).ToList();
        if (roles.Count == 0) errors["roles"] = [ApiFields.RolesRequired.Error()];
        if (unknown.Count > 0) errors["roles"] = [ApiFields.RolesUnknown.With(("roles", string.Join(", ", unknown)), ("known", string.Join(", ", AuthRoles.All)))];
        return roles;
    }

    private static async Task<List<Guid>> CheckCommunitiesAsync(DeliberationDbContext db, IReadOnlyList<Guid>? requested, Dictionary<string, FieldError[]> errors,
        CancellationToken cancellationToken)
    {
        var ids = (requested ?? []).Distinct().ToList();
        var known = await db.Communities.Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken);
        if (known.Count != ids.Count) errors["communityIds"] = [ApiFields.CommunitiesUnknown.Error()];
        return ids;
    }

    private static void ThrowIfAny(Dictionary<string, FieldError[]> errors)
    {
        if (errors.Count > 0) throw new WorkflowException(WorkflowErrorKind.Invalid, "invalid-account", "The account is invalid.") { FieldErrors = errors };
    }

    private static void Check(IdentityResult result, UserManager<StaffUser> users)
    {
        if (!result.Succeeded) throw Refused(result, users);
    }

    /// <summary>ASP.NET Identity's refusals as coded field errors in the caller's language; any other passes on as it came.</summary>
    private static WorkflowException Refused(IdentityResult result, UserManager<StaffUser> users)
    {
        var coded = new Dictionary<string, FieldError[]>();
        foreach (var error in result.Errors)
        {
            if (error is WeakPasswordError weak)
            {
                coded["password"] = [.. coded.GetValueOrDefault("password", []), .. weak.Problems];
                continue;
            }
            switch (error.Code)
            {
                case nameof(IdentityErrorDescriber.PasswordTooShort):
                    coded["password"] = [ApiFields.PasswordTooShort.With(("min", users.Options.Password.RequiredLength))];
                    break;
                case nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName):
                    coded["email"] = [ApiFields.EmailTaken.Error()];
                    break;
                case nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName):
                    coded["email"] = [ApiFields.EmailInvalid.Error()];
                    break;
                default:
                    // A refusal we have no words for (a custom validator's) keeps the library's own description.
                    coded["account"] = [.. coded.GetValueOrDefault("account", []), ApiFields.AccountRefused.With(("text", error.Description))];
                    break;
            }
        }
        return new WorkflowException(WorkflowErrorKind.Invalid, "invalid-account", "The account could not be saved.")
        {
            FieldErrors = coded,
        };
    }

    private static WorkflowException NotFound(Guid userId) => new(WorkflowErrorKind.NotFound, "user-not-found", $"There is no account {userId}.");
}
