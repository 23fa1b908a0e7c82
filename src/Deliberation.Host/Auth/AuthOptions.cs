namespace Deliberation.Host.Auth;

/// <summary>Accounts. Section <c>Deliberation:Auth</c>.</summary>
public sealed class AuthOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Deliberation:Auth";

    /// <summary>Email of the first administrator, created at start-up when no administrator exists.</summary>
    public string AdminEmail { get; set; } = "";

    /// <summary>Its password (set it through an environment variable, never in a committed file).</summary>
    public string AdminPassword { get; set; } = "";

    /// <summary>How long a sign-in lasts (cookie and bearer token), default 8 hours.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// Sign-in attempts one address (one computer or office) may make per minute, default 20; more answer 429
    /// (<c>too-many-sign-ins</c>). Wrong passwords never lock an account: an outsider could otherwise lock staff out.
    /// </summary>
    public int SignInsPerMinute { get; set; } = 20;

    /// <summary>
    /// Wrong passwords one address may give for one email within <see cref="FailureWindow"/>, default 5; then that address
    /// waits before trying that email again (429 <c>too-many-sign-ins</c>) while every other address signs in as before.
    /// </summary>
    public int FailuresPerAccount { get; set; } = 5;

    /// <summary>The time <see cref="FailuresPerAccount"/> counts over, and so the longest wait, default 15 minutes.</summary>
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(15);
}
