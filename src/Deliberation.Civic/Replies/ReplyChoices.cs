using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Deliberation.Civic.Participation;

namespace Deliberation.Civic.Replies;

/// <summary>
/// Reads the answer a reply gives to a task's form, and refuses to guess: the first line names the option by its number
/// in the email's list (<c>1</c>; several for a form that takes several, <c>1 3</c> or <c>1、3</c>), by its words
/// (<c>同意</c>, <c>参加</c>) or, for a yes/no or an RSVP, by a common word for yes or no (<c>是</c>, <c>不同意</c>, <c>不参加</c>);
/// what follows on that line and the lines after are a comment where the form takes one. A written-answer form takes the
/// whole text. Anything else — a number out of range, two options where one is asked, a word that is no option — is
/// unclear (null), and the person is sent the options instead.
/// </summary>
public static partial class ReplyChoices
{
    private static readonly string[] YesWords = ["是", "是的", "同意", "赞成", "支持", "参加", "出席", "好", "可以", "yes", "y", "ok"];
    private static readonly string[] NoWords = ["否", "不", "不是", "不同意", "反对", "不支持", "不参加", "不出席", "不可以", "no", "n"];

    /// <summary>The answer the text gives, in the shape <see cref="TaskForm.TryNormalize"/> accepts and already checked by it; null when unclear.</summary>
    /// <param name="form">The task's form.</param>
    /// <param name="text">The person's words (<see cref="ReplyText.Extract"/>).</param>
    public static JsonObject? Read(TaskForm form, string text)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (form.IsProgress) return null;
        text = (text ?? "").Normalize(NormalizationForm.FormKC).Trim();
        if (text.Length == 0) return null;
        if (form.Options.Count == 0) return Checked(form, new JsonObject { ["comment"] = text });

        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        var first = (newline < 0 ? text : text[..newline]).Trim();
        var after = newline < 0 ? "" : text[(newline + 1)..].Trim();
        if (!TryChoose(form, first, out var chosen, out var rest)) return null;
        var comment = string.Join("\n", new[] { rest, after }.Where(s => s.Length > 0));

        var given = new JsonObject();
        if (form.Multiple) given["choices"] = new JsonArray([.. chosen.Select(c => (JsonNode)JsonValue.Create(c)!)]);
        else given["choice"] = chosen.Single();
        // A form without comments takes the choice; the extra words ("1 谢谢") are not recorded, and the confirmation shows what was.
        if (comment.Length > 0 && form.AllowComment) given["comment"] = comment;
        return Checked(form, given);
    }

    /// <summary>Numbers, an option's words, or yes/no words; with what is left of the line after them.</summary>
    private static bool TryChoose(TaskForm form, string line, out List<string> chosen, out string rest)
    {
        chosen = [];
        rest = "";
        var numbers = Numbers().Match(line);
        if (numbers.Success)
        {
            foreach (Capture capture in numbers.Groups["n"].Captures)
            {
                if (!int.TryParse(capture.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > form.Options.Count) return false;
                var value = form.Options[n - 1].Value;
                if (!chosen.Contains(value)) chosen.Add(value);
            }
            if (chosen.Count > 1 && !form.Multiple) return false;
            rest = Trimmed(line[numbers.Length..]);
            return true;
        }

        var words = Trimmed(line);
        // The longest option whose words the line is, or starts with before a pause ("同意，但希望…").
        foreach (var option in form.Options.OrderByDescending(o => o.Label.Length))
        {
            foreach (var name in new[] { option.Label, option.Value }.Distinct(StringComparer.Ordinal))
            {
                if (!StartsWithWord(words, name, out var remainder)) continue;
                chosen.Add(option.Value);
                rest = remainder;
                return true;
            }
        }
        if (form.Options.Count == 2 && form.Options.Any(o => o.Value == "yes") && form.Options.Any(o => o.Value == "no"))
        {
            foreach (var (value, synonyms) in new[] { ("no", NoWords), ("yes", YesWords) })
            {
                foreach (var word in synonyms.OrderByDescending(w => w.Length))
                {
                    if (!StartsWithWord(words, word, out var remainder)) continue;
                    chosen.Add(value);
                    rest = remainder;
                    return true;
                }
            }
        }
        return false;
    }

    private static bool StartsWithWord(string text, string word, out string rest)
    {
        rest = "";
        var name = Trimmed(word.Normalize(NormalizationForm.FormKC));
        if (name.Length == 0 || !text.StartsWith(name, StringComparison.OrdinalIgnoreCase)) return false;
        if (text.Length == name.Length) return true;
        var next = text[name.Length];
        if (!char.IsWhiteSpace(next) && !char.IsPunctuation(next)) return false;
        rest = Trimmed(text[name.Length..]);
        return true;
    }

    private static string Trimmed(string text) => text.Trim().Trim(Pauses).Trim();

    private static readonly char[] Pauses = ['。', '.', '，', ',', '、', '；', ';', '！', '!', ':', '：', '-', ' ', '\t'];

    private static JsonObject? Checked(TaskForm form, JsonObject given) => form.TryNormalize(given, out var answer) is null ? answer : null;

    // Numbers at the start of the line, separated by spaces, commas or 、 ("1", "1 3", "1,3", "1、3"); not "1号楼".
    [GeneratedRegex(@"^\s*(?<n>\d{1,3})(?:\s*[,，、;；\s]\s*(?<n>\d{1,3}))*(?=$|[\s。.，,！!；;:：])")]
    private static partial Regex Numbers();
}
