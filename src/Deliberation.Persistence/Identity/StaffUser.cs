using Microsoft.AspNetCore.Identity;

namespace Deliberation.Persistence.Identity;

/// <summary>A staff account: an administrator, committee staff or a building head.</summary>
public sealed class StaffUser : IdentityUser<Guid>
{
    /// <summary>The name shown in the UI.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>For a building head: the roster person the account belongs to.</summary>
    public Guid? PersonId { get; set; }

    /// <summary>When the account was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
