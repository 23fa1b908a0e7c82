using Deliberation.Engine.Runtime;

namespace Deliberation.Civic;

/// <summary>
/// The one rule for text people type — names, titles, proposals, reasons, notes — in the API and the answer pages alike:
/// trimmed, within its length, and free of control characters and of the Unicode direction overrides that make a text
/// display differently from what it holds (U+202A–U+202E, U+2066–U+2069). Line breaks and tabs are allowed where a
/// text may run over several lines. Angle brackets and Markdown are words like any other: every rendition escapes them.
/// </summary>
public static class TextRules
{
    /// <summary>What is wrong with the text, or null when it may be stored.</summary>
    /// <param name="value">The text as given.</param>
    /// <param name="max">The most characters, after trimming.</param>
    /// <param name="required">Whether it may be empty.</param>
    /// <param name="multiline">Whether line breaks and tabs are allowed.</param>
    public static FieldError? Check(string? value, int max, bool required, bool multiline = false)
    {
        if (string.IsNullOrWhiteSpace(value))
            return required ? CommonFields.RequiredAtMost.With(("max", max)) : null;
        if (value.Trim().Length > max) return (required ? CommonFields.RequiredAtMost : CommonFields.AtMost).With(("max", max));
        return value.Any(c => IsRefused(c, multiline)) ? CommonFields.TextCharacters.Error() : null;
    }

    /// <summary>Adds the text's problem to <paramref name="errors"/> under <paramref name="field"/>; true when there is none.</summary>
    public static bool Check(Dictionary<string, FieldError[]> errors, string field, string? value, int max, bool required, bool multiline = false)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (Check(value, max, required, multiline) is not { } problem) return true;
        errors[field] = [problem];
        return false;
    }

    private static bool IsRefused(char c, bool multiline) =>
        (char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t'))
        || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
}
