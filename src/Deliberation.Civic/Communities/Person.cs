namespace Deliberation.Civic.Communities;

/// <summary>A person on the roster: a resident, a building head, a lawyer… Email and phone are optional.</summary>
public sealed class Person
{
    /// <summary>Id.</summary>
    public Guid Id { get; set; }

    /// <summary>The community.</summary>
    public Guid CommunityId { get; set; }

    /// <summary>The household the person lives in, if a resident.</summary>
    public Guid? HouseholdId { get; set; }

    /// <summary>The building group the person belongs to or heads.</summary>
    public Guid? BuildingGroupId { get; set; }

    /// <summary>Full name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Email; without it, the building head answers on the person's behalf.</summary>
    public string? Email { get; set; }

    /// <summary>Phone, shown masked in lists.</summary>
    public string? Phone { get; set; }

    /// <summary>Roles.</summary>
    public PersonRoles Roles { get; set; }

    /// <summary>Whether the person represents the household (one vote per household).</summary>
    public bool IsHouseholdRepresentative { get; set; }

    /// <summary>When the person was added.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
