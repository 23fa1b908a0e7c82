using Deliberation.Engine.Runtime;
using Deliberation.Host.Api;
using Deliberation.Host.Auth;
using Deliberation.Host.Hosting;
using Deliberation.Host.Pages;
using Hangfire;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    // A content root given on the command line (as the test host does) wins over the search.
    ContentRootPath = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase)) ? null : HostPaths.FindConfigurationRoot(),
    WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
});
builder.AddDeliberation();

var app = builder.Build();
// Settings are checked before the host starts (ValidateOnStart would check them inside StartAsync): a misspelt or
// impossible setting stops here, naming it, with nothing started and nothing to dispose half-way — the host's own
// disposal after a failed start raced the test server's wait for it.
app.Services.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate();
app.UseSecurityHeaders();
app.UseExceptionHandler();
app.UseCodedStatusPages();
app.UseJsonCharsetCheck();
app.UseDeliberationWebUi();
app.UseAuthentication();
app.UseSessionCheck();
app.UseDeliberationAntiforgery();
app.UseAuthorization();
app.UseRateLimiter();
app.MapHealthChecks("/health").AllowAnonymous().ScopedBy(ScopeKind.Public);
app.MapOpenApi().AllowAnonymous().ScopedBy(ScopeKind.Public);
// The API page works without the internet: the reference's script is served by the host, and the system's fonts
// replace the web fonts it would fetch from its vendor's CDN (a community office's network may not reach it).
app.MapScalarApiReference("/api-docs", o => o.DisableDefaultFonts()).AllowAnonymous().ScopedBy(ScopeKind.Public);
app.MapHangfireDashboard("/hangfire", new DashboardOptions { Authorization = [new AdministratorDashboardFilter()], DisplayStorageConnectionString = false })
    .RequireAuthorization(AuthRoles.AdministratorPolicy).ScopedBy(ScopeKind.Administration);
app.MapAuthApi();
app.MapAntiforgeryApi();
app.MapUsersApi();
app.MapActivitiesApi();
app.MapWorkflowsApi();
app.MapElsaImportApi();
app.MapInstancesApi();
app.MapOutboxApi();
app.MapTasksApi();
app.MapAnswerPages();
app.MapDevMailbox();
app.MapCommunitiesApi();
app.MapComplaintsApi();
app.MapStakeholdersApi();
app.MapMeetingsApi();
app.MapMinutesApi();
app.MapVerificationPages();
app.MapImplementationApi();
app.MapEscalationsApi();
app.MapStaffNoticesApi();
app.MapOrganisationsApi();
app.MapNeedsApi();
app.MapCatalogueApi();
app.MapReportsApi();
app.MapNoticesApi();
app.MapNoticePages();
app.MapShortLinkPages();
app.MapPaperApi();
app.MapShortLinksApi();
app.MapGet("/", () => Results.Redirect("/api-docs")).ExcludeFromDescription().AllowAnonymous().ScopedBy(ScopeKind.Public);
EndpointDeclarations.Verify(app);
if (CrashPoints.Description is { } crashPoint)
    app.Logger.LogWarning("{Variable}={CrashPoint}: this process kills itself there (fault tests only).", CrashPoints.EnvironmentVariable, crashPoint);
app.Run();

/// <summary>The host's entry point; public so that tests can start it in process.</summary>
public partial class Program;
