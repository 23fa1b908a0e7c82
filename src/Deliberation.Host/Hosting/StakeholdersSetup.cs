using Deliberation.Civic.Elections;
using Deliberation.Persistence.Stakeholders;
using Microsoft.Extensions.Options;

namespace Deliberation.Host.Hosting;

/// <summary>Registers step 2, identifying stakeholders: the stores and <see cref="ElectionOptions"/>.</summary>
public static class StakeholdersSetup
{
    /// <summary>Adds <see cref="StakeholderStore"/>, <see cref="ElectionStore"/> and validated <see cref="ElectionOptions"/>.</summary>
    public static IServiceCollection AddStakeholders(this IServiceCollection services)
    {
        services.AddOptions<ElectionOptions>().BindConfiguration(ElectionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ElectionOptions>>().Value);
        services.AddSingleton<StakeholderStore>();
        services.AddSingleton<ElectionStore>();
        return services;
    }
}
