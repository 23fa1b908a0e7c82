using System.Text.Json;
using Deliberation.Engine.Definitions;

namespace Deliberation.Civic.Meetings;

/// <summary>An organisation of the community's directory party to a resolution, with its name as it was when recorded.</summary>
/// <param name="OrganisationId">The organisation.</param>
/// <param name="Name">Its name then, e.g. 宇辉物业服务有限公司.</param>
public sealed record ResolutionParty(Guid OrganisationId, string Name)
{
    /// <summary>The parties stored with a resolution (<see cref="MeetingResolution.Parties"/>); none when unreadable.</summary>
    public static IReadOnlyList<ResolutionParty> Read(MeetingResolution resolution)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        try
        {
            return JsonSerializer.Deserialize<List<ResolutionParty>>(resolution.Parties, DefinitionJson.Options) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>The parties as stored.</summary>
    public static string Write(IEnumerable<ResolutionParty> parties) => JsonSerializer.Serialize(parties.ToList(), DefinitionJson.Options);
}
