using Deliberation.Persistence;
using Deliberation.Persistence.Identity;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Deliberation.Host.Auth;

/// <summary>ASP.NET Core Identity with cookie sign-in for the UI and bearer tokens for API clients.</summary>
public static class AuthSetup
{
    /// <summary>The rate-limiting policy of sign-in.</summary>
    public const string SignInLimit = "sign-in";

    /// <summary>
    /// Data Protection's application name. Hosts share a key ring only under the same name; the default is the content
    /// root's path, which differs between machines and install folders.
    /// </summary>
    public const string DataProtectionApplicationName = "Deliberation";

    /// <summary>Registers accounts, schemes and policies. Every endpoint requires a signed-in account unless it says otherwise.</summary>
    public static IServiceCollection AddDeliberationAuth(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        if (options.FailuresPerAccount < 1 || options.FailureWindow <= TimeSpan.Zero)
            throw new Microsoft.Extensions.Options.OptionsValidationException(AuthOptions.SectionName, typeof(AuthOptions),
                ["Deliberation:Auth:FailuresPerAccount and FailureWindow must be positive."]);
        services.AddSingleton(options);
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<DeliberationDbContext>(sp => sp.GetRequiredService<DeliberationDatabase>().CreateContext(tracking: true));
        // Cookies, bearer tokens and anti-forgery tokens are protected with keys kept in the database, so a sign-in on one
        // host is accepted by every other host on the database. (The keys are stored as Data Protection writes them: the
        // database holds secrets and is backed up and guarded as such.)
        services.AddDataProtection().SetApplicationName(DataProtectionApplicationName).PersistKeysToDbContext<DeliberationDbContext>();
        services.AddIdentityApiEndpoints<StaffUser>(o =>
            {
                // Length and being hard to guess, not character classes, make a password strong (NIST SP 800-63B):
                // StrongPasswordValidator refuses what zxcvbn scores below 3.
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireDigit = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                // Wrong passwords are throttled per address (SignInsPerMinute) and per address and account
                // (SignInThrottle), never by locking the account: anyone who knows a staff member's email could lock
                // them out otherwise.
                o.Lockout.AllowedForNewUsers = true; // disabling an account is a lockout without end (UsersApi)
                o.User.RequireUniqueEmail = true;
            })
            .AddPasswordValidator<StrongPasswordValidator>()
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<DeliberationDbContext>();
        services.Configure<BearerTokenOptions>(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = options.SessionLifetime);
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "deliberation.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = options.SessionLifetime;
            o.SlidingExpiration = true;
            // An API answers 401/403; it does not redirect to a login page.
            o.Events.OnRedirectToLogin = context => { context.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
            o.Events.OnRedirectToAccessDenied = context => { context.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
        });
        var authorization = services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        foreach (var (policy, roles) in AuthRoles.PolicyRoles) authorization.AddPolicy(policy, p => p.RequireRole(roles));
        services.AddSingleton<CommunityAccess>();
        services.AddSingleton<DefinitionAccess>();
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(SignInLimit, http => System.Threading.RateLimiting.RateLimitPartition.GetFixedWindowLimiter(
                Hosting.ClientAddress.Of(http),
                _ => new System.Threading.RateLimiting.FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, options.SignInsPerMinute), Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
                }));
            limiter.OnRejected = async (context, _) =>
            {
                if (context.Lease.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var retry))
                    Api.FrameworkRefusals.SetRetryAfter(context.HttpContext.Response, retry);
                await Api.FrameworkRefusals.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "too-many-sign-ins");
            };
        });
        services.AddHostedService<AdministratorBootstrap>();
        return services;
    }
}
