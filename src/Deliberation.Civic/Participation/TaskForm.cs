using System.Text.Json;
using System.Text.Json.Nodes;
using Deliberation.Engine.Definitions;

namespace Deliberation.Civic.Participation;

/// <summary>
/// What an answer page asks, read from <see cref="ParticipationTask.Data"/>:
/// <c>{"options":[{"value":"a","label":"同意"}], "multiple": false, "maxChoices": 2, "allowComment": true, "description": "…"}</c>
/// (<c>maxChoices</c>, with <c>multiple</c> only: at most that many may be chosen; an option with <c>"commentRequired": true</c>
/// is chosen only with a written reason, and makes the form take comments).
/// Without options the answer is a written comment (a progress report). Answers are recorded as
/// <c>{"choice":"a"}</c> (one choice), <c>{"choices":["a","b"]}</c> (several, in option order) or
/// <c>{"comment":"…"}</c>, each with an optional <c>comment</c>.
/// A progress report form (<c>{"form":"progress", "description": "…"}</c>) takes no options: its answer is
/// <c>{"percent": 60, "done": false, "comment": "…", "photoId": "…"}</c> — a percentage 0–100 (100 when done),
/// an optional note and an optional photo stored beforehand.
/// An option whose value is an id (a GUID) is matched by that id in either spelling, with or without hyphens, and
/// recorded as the option spells it: clients send ids as the API shows them, whichever form a task's options use.
/// </summary>
public sealed class TaskForm
{
    /// <summary>The most options a task offers: a nomination form lists an election's whole electorate (a building group's households).</summary>
    public const int MaxOptions = 500;

    /// <summary>The longest option value.</summary>
    public const int MaxValueLength = 100;

    /// <summary>The longest option label.</summary>
    public const int MaxLabelLength = 200;

    /// <summary>The longest description.</summary>
    public const int MaxDescriptionLength = 4000;

    /// <summary>The longest comment.</summary>
    public const int MaxCommentLength = 2000;

    /// <summary>The value of <c>form</c> that makes a progress report form.</summary>
    public const string ProgressForm = "progress";

    private TaskForm(IReadOnlyList<TaskOption> options, bool multiple, bool allowComment, string? description, bool isProgress = false, int? maxChoices = null)
    {
        Options = options;
        Multiple = multiple;
        MaxChoices = maxChoices;
        AllowComment = allowComment;
        Description = description;
        IsProgress = isProgress;
    }

    /// <summary>Whether this is a progress report form (percentage, done, note, photo) rather than choices or a comment.</summary>
    public bool IsProgress { get; }

    /// <summary>The choices, in the order shown.</summary>
    public IReadOnlyList<TaskOption> Options { get; }

    /// <summary>Whether several options may be chosen.</summary>
    public bool Multiple { get; }

    /// <summary>With <see cref="Multiple"/>: the most options that may be chosen; null for no limit.</summary>
    public int? MaxChoices { get; }

    /// <summary>Whether a comment may be written; always true without options, where the comment is the answer.</summary>
    public bool AllowComment { get; }

    /// <summary>Whether the comment is the whole answer (no options, not a progress form).</summary>
    public bool CommentRequired => Options.Count == 0 && !IsProgress;

    /// <summary>More explanation shown under the title, if any.</summary>
    public string? Description { get; }

    /// <summary>Reads a task's data; on failure <paramref name="error"/> says what is wrong (English, for staff).</summary>
    public static bool TryParse(JsonNode? data, out TaskForm form, out string? error)
    {
        form = new TaskForm([], false, true, null);
        error = null;
        if (data is null) return true;
        if (data is not JsonObject o) return Fail("data must be a JSON object.", out error);

        var options = new List<TaskOption>();
        switch (o["options"])
        {
            case null:
                break;
            case JsonArray array:
                if (array.Count > MaxOptions) return Fail($"At most {MaxOptions} options.", out error);
                foreach (var item in array)
                {
                    var value = Text(item?["value"]);
                    var label = Text(item?["label"]) ?? value;
                    if (item is not JsonObject || string.IsNullOrWhiteSpace(value) || value.Length > MaxValueLength)
                        return Fail($"Each option needs a value of 1–{MaxValueLength} characters.", out error);
                    if (string.IsNullOrWhiteSpace(label) || label.Length > MaxLabelLength)
                        return Fail($"Each option's label must be 1–{MaxLabelLength} characters.", out error);
                    if (options.Any(x => x.Value == value)) return Fail($"The option value '{value}' appears twice.", out error);
                    if (!TryFlag((JsonObject)item, "commentRequired", false, out var reasonRequired)) return Fail("commentRequired must be true or false.", out error);
                    options.Add(new TaskOption(value, label, reasonRequired));
                }
                break;
            default:
                return Fail("options must be an array.", out error);
        }
        if (!TryFlag(o, "multiple", false, out var multiple)) return Fail("multiple must be true or false.", out error);
        if (!TryFlag(o, "allowComment", false, out var allowComment)) return Fail("allowComment must be true or false.", out error);
        int? maxChoices = null;
        if (o["maxChoices"] is { } max)
        {
            if (max is not JsonValue m || !m.TryGetValue<int>(out var most) || most < 1) return Fail("maxChoices must be a whole number of at least 1.", out error);
            if (!multiple) return Fail("maxChoices goes with multiple: true.", out error);
            maxChoices = most;
        }
        var description = o["description"] switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            _ => "\0",
        };
        if (description is "\0" || description?.Length > MaxDescriptionLength)
            return Fail($"description must be text of at most {MaxDescriptionLength} characters.", out error);
        var kind = o["form"] switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            _ => "\0",
        };
        if (kind is not (null or ProgressForm)) return Fail($"form must be \"{ProgressForm}\" or absent.", out error);
        if (kind == ProgressForm)
        {
            if (options.Count > 0) return Fail("A progress form has no options.", out error);
            form = new TaskForm([], false, true, string.IsNullOrWhiteSpace(description) ? null : description, isProgress: true);
            return true;
        }

        form = new TaskForm(options, multiple && options.Count > 0, allowComment || options.Count == 0 || options.Any(x => x.CommentRequired),
            string.IsNullOrWhiteSpace(description) ? null : description, maxChoices: options.Count > 0 ? maxChoices : null);
        return true;
    }

    /// <summary>Reads stored task data, which was checked when the task was created.</summary>
    /// <exception cref="FormatException">The stored data is not valid.</exception>
    public static TaskForm Parse(string dataJson)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(string.IsNullOrWhiteSpace(dataJson) ? "{}" : dataJson);
        }
        catch (JsonException ex)
        {
            throw new FormatException("The task's data is not JSON.", ex);
        }
        return TryParse(node, out var form, out var error) ? form : throw new FormatException(error);
    }

    /// <summary>Builds an answer from a page's form fields.</summary>
    /// <param name="chosen">The chosen option values.</param>
    /// <param name="comment">The comment; blank means none.</param>
    /// <param name="answer">The answer to record.</param>
    /// <returns>Null when the answer is acceptable, else why not.</returns>
    public AnswerProblem? TryBuildAnswer(IReadOnlyList<string> chosen, string? comment, out JsonObject answer)
    {
        var given = new JsonObject();
        if (Multiple) given["choices"] = new JsonArray(chosen.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray());
        else if (chosen.Count > 1) given["choices"] = new JsonArray(chosen.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray());
        else if (chosen.Count == 1) given["choice"] = chosen[0];
        if (!string.IsNullOrWhiteSpace(comment)) given["comment"] = comment;
        return TryNormalize(given, out answer);
    }

    /// <summary>
    /// Checks an answer given as JSON (by staff entering a paper ballot, or built from a form) and
    /// returns it in its recorded shape: known keys only, choices in option order, comment trimmed.
    /// </summary>
    /// <returns>Null when the answer is acceptable, else why not.</returns>
    public AnswerProblem? TryNormalize(JsonNode? given, out JsonObject answer)
    {
        if (IsProgress) return TryNormalizeProgress(given, out answer);
        answer = new JsonObject();
        if (given is not JsonObject o || o.Any(p => p.Key is not ("choice" or "choices" or "comment"))) return AnswerProblem.Malformed;

        var chosen = new List<string>();
        if (o["choice"] is { } single)
        {
            if (Text(single) is not { } value || o["choices"] is not null) return AnswerProblem.Malformed;
            chosen.Add(value);
        }
        if (o["choices"] is { } several)
        {
            if (several is not JsonArray array) return AnswerProblem.Malformed;
            foreach (var item in array)
            {
                if (Text(item) is not { } value) return AnswerProblem.Malformed;
                if (!chosen.Contains(value, StringComparer.Ordinal)) chosen.Add(value);
            }
        }
        string? comment = null;
        if (o["comment"] is { } c)
        {
            if (Text(c) is not { } text) return AnswerProblem.Malformed;
            comment = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        }

        if (comment is not null && !AllowComment) return AnswerProblem.CommentNotAllowed;
        if (comment?.Length > MaxCommentLength) return AnswerProblem.CommentTooLong;
        if (TextRules.Check(comment, MaxCommentLength, required: false, multiline: true) is not null) return AnswerProblem.CommentCharacters;
        if (Options.Count == 0)
        {
            if (chosen.Count > 0) return AnswerProblem.UnknownChoice;
            if (comment is null) return AnswerProblem.CommentRequired;
            answer["comment"] = comment;
            return null;
        }
        var matched = chosen.Select(OptionValueOf).ToList();
        if (matched.Any(v => v is null)) return AnswerProblem.UnknownChoice;
        chosen = matched.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (Multiple)
        {
            // Choosing none is an answer too ("none of these times suits me"), but only with a word of explanation.
            if (chosen.Count == 0 && comment is null) return AnswerProblem.ChoiceRequired;
            if (chosen.Count > MaxChoices) return AnswerProblem.TooManyChoices;
            answer["choices"] = new JsonArray(Options.Where(x => chosen.Contains(x.Value)).Select(x => (JsonNode?)JsonValue.Create(x.Value)).ToArray());
        }
        else
        {
            if (chosen.Count == 0) return AnswerProblem.ChoiceRequired;
            if (chosen.Count > 1) return AnswerProblem.SingleChoiceOnly;
            answer["choice"] = chosen[0];
            if (comment is null && Options.Any(x => x.Value == chosen[0] && x.CommentRequired)) return AnswerProblem.ReasonRequired;
        }
        if (comment is not null) answer["comment"] = comment;
        return null;
    }

    /// <summary>The option a chosen value names: the same value, or the same id in another spelling; null for none.</summary>
    private string? OptionValueOf(string chosen)
    {
        if (Options.Any(o => o.Value == chosen)) return chosen;
        if (!Guid.TryParse(chosen, out var id)) return null;
        return Options.FirstOrDefault(o => Guid.TryParse(o.Value, out var optionId) && optionId == id)?.Value;
    }

    /// <summary>Builds a progress report from a page's form fields (percentage as typed, the done box, note, a stored photo's id).</summary>
    /// <returns>Null when the report is acceptable, else why not.</returns>
    public AnswerProblem? TryBuildProgress(string? percent, bool done, string? comment, string? photoId, out JsonObject answer)
    {
        var given = new JsonObject { ["done"] = done };
        if (!string.IsNullOrWhiteSpace(percent))
        {
            if (!int.TryParse(percent.Trim().TrimEnd('%', '%'), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value))
            {
                answer = new JsonObject();
                return AnswerProblem.PercentOutOfRange;
            }
            given["percent"] = value;
        }
        if (!string.IsNullOrWhiteSpace(comment)) given["comment"] = comment;
        if (!string.IsNullOrWhiteSpace(photoId)) given["photoId"] = photoId;
        return TryNormalize(given, out answer);
    }

    private static AnswerProblem? TryNormalizeProgress(JsonNode? given, out JsonObject answer)
    {
        answer = new JsonObject();
        if (given is not JsonObject o || o.Any(p => p.Key is not ("percent" or "done" or "comment" or "photoId"))) return AnswerProblem.Malformed;
        var done = false;
        switch (o["done"])
        {
            case null: break;
            case JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False: done = v.GetValue<bool>(); break;
            default: return AnswerProblem.Malformed;
        }
        int? percent = null;
        if (o["percent"] is { } p)
        {
            if (p is not JsonValue number || number.GetValueKind() != JsonValueKind.Number) return AnswerProblem.Malformed;
            if (!number.TryGetValue<int>(out var whole))
            {
                if (!number.TryGetValue<decimal>(out var d) || d != decimal.Truncate(d) || d is < int.MinValue or > int.MaxValue) return AnswerProblem.PercentOutOfRange;
                whole = (int)d;
            }
            if (whole is < 0 or > 100) return AnswerProblem.PercentOutOfRange;
            percent = whole;
        }
        // Done means finished: the percentage is 100 whatever was typed; without done it must be said.
        if (done) percent = 100;
        if (percent is null) return AnswerProblem.PercentRequired;
        string? comment = null;
        if (o["comment"] is { } c)
        {
            if (Text(c) is not { } text) return AnswerProblem.Malformed;
            comment = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        }
        if (comment?.Length > MaxCommentLength) return AnswerProblem.CommentTooLong;
        if (TextRules.Check(comment, MaxCommentLength, required: false, multiline: true) is not null) return AnswerProblem.CommentCharacters;
        string? photoId = null;
        if (o["photoId"] is { } photo)
        {
            if (Text(photo) is not { } id || !Guid.TryParse(id, out var parsed)) return AnswerProblem.Malformed;
            photoId = parsed.ToString("N");
        }
        answer["percent"] = percent.Value;
        answer["done"] = done;
        if (comment is not null) answer["comment"] = comment;
        if (photoId is not null) answer["photoId"] = photoId;
        return null;
    }

    /// <summary>The percentage, done flag and photo id of a recorded progress report; null for another kind of answer.</summary>
    public static (int Percent, bool Done, Guid? PhotoId)? ProgressOf(string answerJson)
    {
        try
        {
            var node = JsonNode.Parse(answerJson);
            if (node?["percent"] is not JsonValue p || !p.TryGetValue<int>(out var percent)) return null;
            var done = node["done"] is JsonValue d && d.GetValueKind() == JsonValueKind.True;
            Guid? photo = Text(node["photoId"]) is { } id && Guid.TryParse(id, out var g) ? g : null;
            return (percent, done, photo);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The values a recorded answer chose (empty for none or an unreadable answer).</summary>
    public static IReadOnlyList<string> ChosenValues(string answerJson)
    {
        try
        {
            var node = JsonNode.Parse(answerJson);
            if (Text(node?["choice"]) is { } one) return [one];
            return node?["choices"] is JsonArray many ? many.Select(Text).OfType<string>().ToList() : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>The comment of a recorded answer, if any.</summary>
    public static string? CommentOf(string answerJson)
    {
        try
        {
            return Text(JsonNode.Parse(answerJson)?["comment"]);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The labels of the options a recorded answer chose, in option order; unknown values as they are.</summary>
    public IReadOnlyList<string> LabelsOf(string answerJson)
    {
        var values = ChosenValues(answerJson);
        return Options.Where(o => values.Contains(o.Value)).Select(o => o.Label)
            .Concat(values.Where(v => Options.All(o => o.Value != v))).ToList();
    }

    /// <summary>Serialises an answer for storage (Chinese unescaped).</summary>
    public static string Serialize(JsonObject answer) => answer.ToJsonString(DefinitionJson.Options);

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static bool TryFlag(JsonObject o, string name, bool fallback, out bool value)
    {
        value = fallback;
        switch (o[name])
        {
            case null:
                return true;
            case JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                value = v.GetValue<bool>();
                return true;
            default:
                return false;
        }
    }

    private static bool Fail(string message, out string? error)
    {
        error = message;
        return false;
    }
}
