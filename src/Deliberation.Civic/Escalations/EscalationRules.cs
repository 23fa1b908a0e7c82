using Deliberation.Engine.Runtime;

namespace Deliberation.Civic.Escalations;

/// <summary>Checks an <see cref="EscalationRequest"/> and parses escalation contacts.</summary>
public static class EscalationRules
{
    /// <summary>The longest subject.</summary>
    public const int MaxSubjectLength = 200;

    /// <summary>The longest body.</summary>
    public const int MaxBodyLength = 8000;

    /// <summary>The longest stored list of escalation contacts (the <c>communities.escalation_emails</c> column).</summary>
    public const int MaxContactsLength = 1000;

    private static readonly char[] Separators = [',', ',', ';', ';', '\n', ' ', '、'];

    /// <summary>Problems of a request by field; empty when it is fine.</summary>
    public static Dictionary<string, FieldError[]> Validate(EscalationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, FieldError[]>(StringComparer.Ordinal);
        if (!EscalationKinds.IsValid(request.Kind)) errors["kind"] = [EscalationFields.Kind.With(("max", EscalationKinds.MaxLength), ("example", EscalationKinds.RoundsExhausted))];
        if (string.IsNullOrWhiteSpace(request.Subject) || request.Subject.Trim().Length > MaxSubjectLength || request.Subject.Contains('\n', StringComparison.Ordinal))
            errors["subject"] = [EscalationFields.Subject.With(("max", MaxSubjectLength))];
        if (string.IsNullOrWhiteSpace(request.Body) || request.Body.Length > MaxBodyLength) errors["body"] = [CommonFields.RequiredAtMost.With(("max", MaxBodyLength))];
        return errors;
    }

    /// <summary>
    /// Parses escalation contacts as staff type them: addresses separated by commas, semicolons, spaces or new lines
    /// (half- or full-width). Returns the addresses, and those that are not valid.
    /// </summary>
    public static (IReadOnlyList<string> Addresses, IReadOnlyList<string> Invalid) ParseContacts(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return ([], []);
        var parts = text.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var addresses = parts.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return (addresses, addresses.Where(a => !Communities.EmailAddresses.IsValid(a)).ToList());
    }
}
