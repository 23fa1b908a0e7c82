using Deliberation.Civic.Reporting;
using Deliberation.Host.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Deliberation.Host.Api;

/// <summary>
/// What a committee is judged on, for the staff dashboard: the response, resolution and satisfaction rates of each month
/// (<see cref="MonthlyRates"/> defines them), counted from the caller's community's own records only.
/// </summary>
public static class ReportsApi
{
    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/communities/{communityId:guid}").WithTags("Reports")
            .RequireAuthorization(AuthRoles.StaffPolicy).RequireCommunityScope();
        api.MapGet("/rates", RatesAsync)
            .WithSummary($"The community's response rate (with the average response time), resolution rate and satisfaction rate per month, Beijing time, oldest first, this month last (months=1–{MonthlyRatesReader.MaxMonths}, default {MonthlyRatesReader.DefaultMonths}); each rate is its numerator and denominator with the percentage, null for a month with nothing to count.");
        return app;
    }

    /// <summary>The monthly rates.</summary>
    public static async Task<Ok<IReadOnlyList<MonthRates>>> RatesAsync(Guid communityId, int? months, MonthlyRatesReader reader, CancellationToken cancellationToken) =>
        TypedResults.Ok(await reader.GetAsync(communityId, months ?? MonthlyRatesReader.DefaultMonths, cancellationToken));
}
