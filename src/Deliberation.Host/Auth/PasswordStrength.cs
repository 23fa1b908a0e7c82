using Deliberation.Engine.Runtime;
using Zxcvbn.Matcher;

namespace Deliberation.Host.Auth;

/// <summary>
/// How easy a password is to guess, by zxcvbn (0 guessed at once … 4 very hard), and what to tell the person when it is
/// too easy. The package only scores and names the patterns it found (a common password, a keyboard row, a date…), so
/// the warning and suggestions are chosen here from those patterns, the way zxcvbn's own feedback does, and said in
/// Chinese and English (<see cref="PasswordFields"/>).
/// </summary>
public static class PasswordStrength
{
    /// <summary>The lowest score accepted: 3 (safe against an online attack and slow offline), as zxcvbn advises for accounts.</summary>
    public const int MinimumScore = 3;

    /// <summary>
    /// Only this many characters are scored: zxcvbn's time grows steeply with length (2,000 characters take half a
    /// minute), and whatever follows the first 100 characters only makes a password stronger.
    /// </summary>
    public const int ScoredLength = 100;

    // Words anyone attacking this site would try first.
    private static readonly string[] SiteWords = ["deliberation", "yishi", "shequ", "juweihui", "community"];

    private static readonly char[] NameSeparators = ['.', '_', '-', '+', ' ', '@'];

    /// <summary>
    /// Why <paramref name="password"/> is too easy to guess, first <see cref="PasswordFields.Weak"/>; empty when its score
    /// is at least <see cref="MinimumScore"/>. <paramref name="personal"/> are what people know of the account (email,
    /// name): a password built from them scores low.
    /// </summary>
    public static IReadOnlyList<FieldError> Weaknesses(string password, IEnumerable<string?> personal)
    {
        ArgumentNullException.ThrowIfNull(password);
        var scored = password.Length > ScoredLength ? password[..ScoredLength] : password;
        var result = Zxcvbn.Zxcvbn.MatchPassword(scored, InputsOf(personal));
        return result.Score >= MinimumScore ? [] : Feedback(result.MatchSequence);
    }

    /// <summary>The words zxcvbn is told the person may have used: each value whole and in its parts (an email's local part, its domain's labels).</summary>
    private static List<string> InputsOf(IEnumerable<string?> personal)
    {
        var inputs = new List<string>();
        foreach (var value in personal)
        {
            if (string.IsNullOrWhiteSpace(value)) continue;
            var lower = value.Trim().ToLowerInvariant();
            inputs.Add(lower);
            inputs.AddRange(lower.Split(NameSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(p => p.Length >= 2));
        }
        inputs.AddRange(SiteWords);
        return [.. inputs.Distinct(StringComparer.Ordinal)];
    }

    private static List<FieldError> Feedback(IList<Zxcvbn.Match> sequence)
    {
        var errors = new List<FieldError> { PasswordFields.Weak.Error() };
        var found = sequence.Where(m => m.Pattern != "bruteforce").ToList();
        // What people know of the account is the first thing to leave out, whatever else the password holds.
        var personal = found.OfType<DictionaryMatch>().FirstOrDefault(d => d.DictionaryName == "user_inputs");
        var (warning, suggestions) = personal is not null ? (PasswordFields.Personal, [PasswordFields.AvoidPersonal])
            : found.Count == 0 ? (null, [])
            : Explain(found.MaxBy(m => m.Token.Length)!, sole: sequence.Count == 1);
        if (warning is not null) errors.Add(warning.Error());
        errors.Add(PasswordFields.AddWords.Error());
        errors.AddRange(suggestions.Select(s => s.Error()));
        return errors;
    }

    /// <summary>What the longest pattern found says (zxcvbn's feedback picks the same one): a warning, and what to do instead.</summary>
    private static (FieldMessage? Warning, List<FieldMessage> Suggestions) Explain(Zxcvbn.Match match, bool sole) => match switch
    {
        DictionaryMatch word => (WordWarning(word, sole), WordSuggestions(word)),
        SpatialMatch keys => (keys.Turns == 1 ? PasswordFields.KeyboardRow : PasswordFields.KeyboardPattern, [PasswordFields.AvoidKeyboard]),
        // This version's repeats are of one character (abcabc is found as sequences).
        RepeatMatch => (PasswordFields.RepeatedCharacter, [PasswordFields.AvoidRepeats]),
        SequenceMatch => (PasswordFields.Sequence, [PasswordFields.AvoidSequences]),
        // A date without separators (19880512) is a plain match named "date".
        _ when match.Pattern == "date" => (PasswordFields.Date, [PasswordFields.AvoidDates]),
        _ when match.Pattern == "year" => (PasswordFields.Year, [PasswordFields.AvoidDates]),
        // A pattern without words of ours (a run of digits, one a newer zxcvbn adds): the general advice alone.
        _ => (null, []),
    };

    private static FieldMessage? WordWarning(DictionaryMatch word, bool sole) => word.DictionaryName switch
    {
        // (zxcvbn's "top-10 password" cannot arise: none of them has the 10 characters required.)
        "passwords" when sole && word is not L33tDictionaryMatch => PasswordFields.Common,
        "passwords" => PasswordFields.LikeCommon,
        "english" or "us_tv_and_film" when sole => PasswordFields.SingleWord,
        "surnames" or "male_names" or "female_names" => PasswordFields.Names,
        _ => null,
    };

    private static List<FieldMessage> WordSuggestions(DictionaryMatch word)
    {
        var suggestions = new List<FieldMessage>();
        var letters = word.Token.Where(char.IsLetter).ToList();
        if (letters.Count > 0 && char.IsUpper(letters[0])) suggestions.Add(PasswordFields.Capitals);
        if (word is L33tDictionaryMatch { Subs.Count: > 0 }) suggestions.Add(PasswordFields.Substitutions);
        return suggestions;
    }
}
