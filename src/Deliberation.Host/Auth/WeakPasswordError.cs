using Deliberation.Engine.Runtime;
using Microsoft.AspNetCore.Identity;

namespace Deliberation.Host.Auth;

/// <summary>ASP.NET Identity's refusal of a password easy to guess, carrying the coded reasons so that the API can say them in the caller's language.</summary>
public sealed class WeakPasswordError : IdentityError
{
    /// <summary>The refusal with its reasons; the description (for logs) is the English of them.</summary>
    public WeakPasswordError(IReadOnlyList<FieldError> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        Problems = problems;
        Code = "PasswordWeak";
        Description = string.Join(" ", problems.Select(p => p.Format(english: true)));
    }

    /// <summary>Why the password is easy to guess and what would help, first <see cref="PasswordFields.Weak"/>.</summary>
    public IReadOnlyList<FieldError> Problems { get; }
}
