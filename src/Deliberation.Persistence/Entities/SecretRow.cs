namespace Deliberation.Persistence.Entities;

/// <summary>
/// A secret every host on the database shares (the link-signing key): created once by whichever host needs it first,
/// never changed afterwards.
/// </summary>
public sealed class SecretRow
{
    /// <summary>The longest name.</summary>
    public const int MaxName = 100;

    /// <summary>The longest value.</summary>
    public const int MaxValue = 4000;

    /// <summary>What the secret is, e.g. <c>link-signing-key</c>; unique.</summary>
    public string Name { get; set; } = "";

    /// <summary>The secret as text (a key in base64).</summary>
    public string Value { get; set; } = "";

    /// <summary>When the first host stored it.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
