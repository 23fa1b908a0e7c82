namespace Deliberation.Persistence.Entities;

/// <summary>
/// One wrong password for one account from one address, kept for the sign-in throttle's window so that every host on
/// the database counts the same failures (a balancer that spreads attempts over hosts gains nothing).
/// </summary>
public sealed class SignInFailureRow
{
    /// <summary>The longest address (an IPv6 address is at most 45 characters).</summary>
    public const int MaxAddress = 64;

    /// <summary>The row's number.</summary>
    public long Id { get; set; }

    /// <summary>The client's address as the host sees it (after the trusted proxies).</summary>
    public string Address { get; set; } = "";

    /// <summary>
    /// SHA-256 (hex) of the email as typed, trimmed and upper-cased: the table never holds what someone typed into the
    /// email field (sometimes a password), and an unknown email is counted exactly as a known one.
    /// </summary>
    public string AccountHash { get; set; } = "";

    /// <summary>When the wrong password was tried.</summary>
    public DateTimeOffset At { get; set; }
}
