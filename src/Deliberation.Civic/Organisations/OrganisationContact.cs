namespace Deliberation.Civic.Organisations;

/// <summary>A person to contact at an <see cref="Organisation"/>; one of them represents it whenever it has any.</summary>
public sealed class OrganisationContact
{
    /// <summary>The longest name.</summary>
    public const int MaxName = 100;

    /// <summary>The longest role.</summary>
    public const int MaxRole = 40;

    /// <summary>Id.</summary>
    public Guid Id { get; set; }

    /// <summary>The organisation.</summary>
    public Guid OrganisationId { get; set; }

    /// <summary>Where it stands in the organisation's list, from 0.</summary>
    public int Position { get; set; }

    /// <summary>The person's name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Their role there, e.g. 主任, 书记 or 经理; null when not given.</summary>
    public string? Role { get; set; }

    /// <summary>Their email, checked as the roster checks it; null for none.</summary>
    public string? Email { get; set; }

    /// <summary>Their phone, digits only as the roster stores it; null for none.</summary>
    public string? Phone { get; set; }

    /// <summary>The person on the community's roster, when they are on it.</summary>
    public Guid? PersonId { get; set; }

    /// <summary>Whether they represent the organisation (代表), e.g. on a panel; exactly one contact does.</summary>
    public bool IsRepresentative { get; set; }
}
