using Deliberation.Civic.Issues;
using Deliberation.Host.Api;
using Deliberation.Persistence;
using Deliberation.Persistence.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Host.Auth;

/// <summary>Sign-in (cookie for the UI, bearer token for API clients), sign-out, and who am I.</summary>
public static class AuthApi
{
    /// <summary>Credentials.</summary>
    public sealed record LoginRequest(string Email, string Password, bool UseCookies = true);

    /// <summary>
    /// A community the account may act in; for a building head, <paramref name="HeadOf"/> lists the building groups they
    /// head there (they log complaints for those only), and is null for staff.
    /// </summary>
    public sealed record CommunityRef(Guid Id, string Code, string Name, IReadOnlyCollection<Guid>? HeadOf = null);

    /// <summary>The signed-in account.</summary>
    public sealed record Me(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<CommunityRef> Communities, Guid? PersonId);

    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/auth").WithTags("Accounts");
        api.MapPost("/login", LoginAsync).AllowAnonymous().ScopedBy(ScopeKind.Public).RequireRateLimiting(AuthSetup.SignInLimit)
            .WithSummary("Signs in. useCookies=true sets the UI's cookie; false answers a bearer token for API clients (Authorization: Bearer …). "
                + "Too many attempts from one address, or too many wrong passwords for one email from it, answer 429 too-many-sign-ins with Retry-After.");
        api.MapPost("/logout", LogoutAsync).RequireAuthorization().ScopedBy(ScopeKind.Account).WithSummary("Signs out: every session of the account ends, cookie and bearer token alike.");
        api.MapGet("/me", MeAsync).RequireAuthorization().ScopedBy(ScopeKind.Account).WithSummary("The signed-in account, its roles and communities.");
        return app;
    }

    /// <summary>Signs in.</summary>
    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> LoginAsync(LoginRequest request, SignInManager<StaffUser> signIn,
        SignInThrottle throttle, HttpContext http, CancellationToken cancellationToken)
    {
        // Checked before the account is looked up, by the email as typed: an unknown email waits exactly as a known one.
        if (await throttle.WaitForAsync(http, request.Email, cancellationToken) is { } wait)
        {
            FrameworkRefusals.SetRetryAfter(http.Response, wait);
            return TypedResults.Problem(FrameworkRefusals.Problem(StatusCodes.Status429TooManyRequests, "too-many-sign-ins", http.Request.Headers.AcceptLanguage.ToString()));
        }
        signIn.AuthenticationScheme = request.UseCookies ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme;
        var user = await signIn.UserManager.FindByEmailAsync(request.Email ?? "");
        if (user is null)
        {
            // An unknown account answers as a wrong password does, after the same work: checking a password hash.
            signIn.UserManager.PasswordHasher.VerifyHashedPassword(new StaffUser(), UnknownAccountHash, request.Password ?? "");
            await throttle.FailedAsync(http, request.Email, CancellationToken.None);
            return Refused("wrong-credentials", http);
        }
        var result = await signIn.PasswordSignInAsync(user, request.Password ?? "", isPersistent: request.UseCookies, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            await throttle.SucceededAsync(http, request.Email, cancellationToken);
            return TypedResults.Empty;
        }
        // Only the right password learns that an account is disabled (or locked by an earlier version): anyone else hears
        // "wrong email or password", whatever the account's state.
        var code = result.IsLockedOut && await signIn.UserManager.CheckPasswordAsync(user, request.Password ?? "")
            ? UsersApi.IsDisabled(user) ? "account-disabled" : "locked-out"
            : "wrong-credentials";
        if (code == "wrong-credentials") await throttle.FailedAsync(http, request.Email, CancellationToken.None);
        return Refused(code, http);
    }

    /// <summary>A hash of a random password, checked for unknown accounts so that they take as long as known ones.</summary>
    private static readonly string UnknownAccountHash =
        new PasswordHasher<StaffUser>().HashPassword(new StaffUser(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));

    private static ProblemHttpResult Refused(string code, HttpContext http) =>
        TypedResults.Problem(FrameworkRefusals.Problem(StatusCodes.Status401Unauthorized, code, http.Request.Headers.AcceptLanguage.ToString()));

    /// <summary>Signs out.</summary>
    public static async Task<NoContent> LogoutAsync(SignInManager<StaffUser> signIn, HttpContext http)
    {
        // A new security stamp ends every session the account has (SessionCheck), not only this browser's cookie.
        if (await signIn.UserManager.GetUserAsync(http.User) is { } user) await signIn.UserManager.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    /// <summary>The signed-in account.</summary>
    public static async Task<Results<Ok<Me>, UnauthorizedHttpResult>> MeAsync(HttpContext http, UserManager<StaffUser> users, CommunityAccess access,
        DeliberationDatabase database, ComplaintStore complaints, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(http.User);
        if (user is null) return TypedResults.Unauthorized();
        var scope = await access.CommunitiesAsync(http.User, cancellationToken);
        await using var db = database.CreateContext();
        var communities = await db.Communities.Where(c => scope == null || scope.Contains(c.Id))
            .OrderBy(c => c.Code).Select(c => new CommunityRef(c.Id, c.Code, c.Name)).ToListAsync(cancellationToken);
        for (var i = 0; i < communities.Count; i++)
            communities[i] = communities[i] with { HeadOf = await HeadedBuildings.OfAsync(http.User, user, communities[i].Id, complaints, cancellationToken) };
        return TypedResults.Ok(new Me(user.Id, user.Email ?? "", user.DisplayName, [.. await users.GetRolesAsync(user)], communities, user.PersonId));
    }
}
