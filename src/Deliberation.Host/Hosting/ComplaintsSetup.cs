using Deliberation.Civic.Data;
using Deliberation.Civic.Issues;
using Deliberation.Engine.Definitions;
using Deliberation.Engine.Runtime;
using Deliberation.Integrations.Files;
using Deliberation.Persistence;
using Microsoft.Extensions.Options;

namespace Deliberation.Host.Hosting;

/// <summary>Registers the deliberation matters catalogue, the ranking weights and the complaint store.</summary>
public static class ComplaintsSetup
{
    /// <summary>The folder under the data folder that holds complaint photos.</summary>
    public const string PhotoFolderName = "photos";

    /// <summary>
    /// Adds <see cref="MattersCatalogue"/> (from <c>Deliberation:Catalogue</c>, or <see cref="MattersCatalogue.Default"/> when the
    /// section is absent: what every community's own catalogue starts from), <see cref="CatalogueStore"/>, <see cref="RankingOptions"/>
    /// (validated at start-up) and <see cref="ComplaintStore"/>.
    /// </summary>
    /// <exception cref="OptionsValidationException">The configured catalogue has a bad or repeated code or a missing name.</exception>
    public static IServiceCollection AddComplaints(this IServiceCollection services, IConfiguration configuration, ResolvedPaths paths)
    {
        var configured = configuration.GetSection(MattersCatalogue.SectionName).Get<List<DeliberationMatter>>();
        IReadOnlyList<DeliberationMatter> matters = configured is { Count: > 0 } ? configured : MattersCatalogue.Default;
        if (MattersCatalogue.Validate(matters) is { Count: > 0 } problems)
            throw new OptionsValidationException(MattersCatalogue.SectionName, typeof(MattersCatalogue), problems);
        services.AddSingleton(new MattersCatalogue(matters));
        services.AddSingleton(sp => new CatalogueStore(sp.GetRequiredService<ICivicDatabase>(), sp.GetRequiredService<MattersCatalogue>(),
            sp.GetRequiredService<DefinitionService>(), sp.GetRequiredService<TimeProvider>()));

        services.AddOptions<RankingOptions>().BindConfiguration(RankingOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RankingOptions>, RankingOptionsValidator>();
        services.AddSingleton(sp => new ComplaintStore(sp.GetRequiredService<ICivicDatabase>(), sp.GetRequiredService<WorkflowRuntime>(),
            sp.GetRequiredService<DefinitionService>(), sp.GetRequiredService<CatalogueStore>(), sp.GetRequiredService<IOptions<RankingOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(), new FolderFileStore(Path.Combine(paths.Data, PhotoFolderName))));
        return services;
    }

    private sealed class RankingOptionsValidator : IValidateOptions<RankingOptions>
    {
        public ValidateOptionsResult Validate(string? name, RankingOptions options) =>
            options.Validate() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
