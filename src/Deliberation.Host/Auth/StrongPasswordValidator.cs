using Deliberation.Persistence.Identity;
using Microsoft.AspNetCore.Identity;

namespace Deliberation.Host.Auth;

/// <summary>
/// Refuses a password that is easy to guess (<see cref="PasswordStrength"/>) wherever one is set: a new account, a
/// password reset, the first administrator. The account's email and name count as easy to guess.
/// </summary>
public sealed class StrongPasswordValidator : IPasswordValidator<StaffUser>
{
    /// <inheritdoc/>
    public Task<IdentityResult> ValidateAsync(UserManager<StaffUser> manager, StaffUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        // A password too short is told so by the length rule alone: one thing to fix at a time.
        if (password is null || password.Length < manager.Options.Password.RequiredLength) return Task.FromResult(IdentityResult.Success);
        var weaknesses = PasswordStrength.Weaknesses(password, [user.Email, user.UserName, user.DisplayName]);
        return Task.FromResult(weaknesses.Count == 0 ? IdentityResult.Success : IdentityResult.Failed(new WeakPasswordError(weaknesses)));
    }
}
