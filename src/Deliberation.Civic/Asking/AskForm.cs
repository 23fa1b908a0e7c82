using System.Globalization;
using System.Text.Json.Nodes;
using Deliberation.Civic.Participation;
using Deliberation.Engine.Expressions;

namespace Deliberation.Civic.Asking;

/// <summary>
/// The answer form of a question: which options the answer page offers for a form kind (<see cref="AskFormKinds"/>), as
/// the task data the page reads (<see cref="TaskForm"/>).
/// </summary>
/// <param name="Kind">One of <see cref="AskFormKinds.All"/>.</param>
/// <param name="Options">The options offered, in the order shown; empty for a written answer.</param>
/// <param name="Data">The task data: <c>options</c>, <c>multiple</c>, <c>allowComment</c>, <c>description</c>; <c>form: "progress"</c> for a progress report with photo.</param>
public sealed partial record AskForm(string Kind, IReadOnlyList<TaskOption> Options, JsonObject Data)
{
    /// <summary>The fewest options a choice offers.</summary>
    public const int MinOptions = 2;

    /// <summary>The most options a choice offers (a page of radio buttons a resident can still read on a phone).</summary>
    public const int MaxOptions = 30;

    /// <summary>The most candidate times of a time poll.</summary>
    public const int MaxTimes = 10;

    // Options come one per line; a single-line editor may separate them with these instead. Not commas: labels have them.
    private static readonly char[] Separators = ['\n', '\r', '、', ';', '；', '|'];

    private static readonly TaskOption[] YesNo = [new("yes", "是"), new("no", "否")];
    private static readonly TaskOption[] Rsvp = [new("yes", "参加"), new("no", "不参加")];
    private static readonly TaskOption[] Marks =
    [
        new("1", "1 分（很差）"), new("2", "2 分（较差）"), new("3", "3 分（一般）"), new("4", "4 分（较好）"), new("5", "5 分（很好）"),
    ];

    /// <summary>Builds the form.</summary>
    /// <param name="kind">One of <see cref="AskFormKinds.All"/>.</param>
    /// <param name="options">
    /// The options, one per line (or a JSON array): the choices of a single or multiple choice; the candidate times of a time
    /// poll (ISO 8601, in the future); for yes/no and RSVP, optionally two labels in place of 是/否 or 参加/不参加 (e.g.
    /// 同意 and 不同意). Ignored for a rating, a written answer and a progress report with photo.
    /// </param>
    /// <param name="description">The details shown under the question, if any.</param>
    /// <param name="allowComment">Whether a comment may go with a choice (a written answer always is one).</param>
    /// <param name="now">Now: candidate times must be later.</param>
    /// <param name="activity">The activity's id, for the fault.</param>
    /// <exception cref="Engine.Runtime.ActivityFaultException">An unknown kind (<c>ask-form-kind</c>) or options that do not fit it.</exception>
    public static AskForm Build(string? kind, JsonNode? options, string? description, bool allowComment, DateTimeOffset now, string activity)
    {
        kind = kind?.Trim();
        var given = Lines(options);
        TaskOption[] offered = kind switch
        {
            AskFormKinds.YesNo => Pair(YesNo, given, kind, activity),
            AskFormKinds.Rsvp => Pair(Rsvp, given, kind, activity),
            AskFormKinds.Rating => Marks,
            AskFormKinds.FreeText or AskFormKinds.ProgressPhoto => [],
            AskFormKinds.SingleChoice or AskFormKinds.MultipleChoice => Choices(given, kind, activity),
            AskFormKinds.TimePoll => Times(given, now, activity),
            _ => throw AskFaults.FormKind.Fault(("activity", activity), ("value", kind ?? ""), ("kinds", string.Join(", ", AskFormKinds.All))),
        };
        var multiple = kind is AskFormKinds.MultipleChoice or AskFormKinds.TimePoll;
        var data = new JsonObject();
        if (offered.Length > 0)
        {
            data["options"] = new JsonArray([.. offered.Select(o => (JsonNode)new JsonObject { ["value"] = o.Value, ["label"] = o.Label })]);
            data["multiple"] = multiple;
            // A time poll takes a word even when no time suits ("none of these; Tuesday evening would").
            data["allowComment"] = allowComment || kind == AskFormKinds.TimePoll;
        }
        // A progress report is the answer page's progress form: percentage or done, a note, and a photo.
        if (kind == AskFormKinds.ProgressPhoto) data["form"] = TaskForm.ProgressForm;
        if (!string.IsNullOrWhiteSpace(description)) data["description"] = description.Trim();
        return new AskForm(kind!, offered, data);
    }

    private static List<string> Lines(JsonNode? options) => options switch
    {
        null => [],
        JsonArray array => [.. array.Select(JsonValues.AsText).OfType<string>().Select(s => s.Trim()).Where(s => s.Length > 0)],
        _ => [.. (JsonValues.AsText(options) ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
    };

    /// <summary>Yes/no or RSVP: the fixed values, with the two labels given in place of the usual ones.</summary>
    private static TaskOption[] Pair(TaskOption[] usual, List<string> labels, string kind, string activity)
    {
        if (labels.Count == 0) return usual;
        if (labels.Count != 2) throw AskFaults.OptionsRequired.Fault(("activity", activity), ("kind", kind), ("min", 2), ("max", 2));
        CheckLabels(labels, activity);
        return [new(usual[0].Value, labels[0]), new(usual[1].Value, labels[1])];
    }

    /// <summary>A single or multiple choice: each label is its own value, so a workflow reads <c>tally.counts["方案一"]</c>.</summary>
    private static TaskOption[] Choices(List<string> labels, string kind, string activity)
    {
        if (labels.Count is < MinOptions or > MaxOptions)
            throw AskFaults.OptionsRequired.Fault(("activity", activity), ("kind", kind), ("min", MinOptions), ("max", MaxOptions));
        CheckLabels(labels, activity);
        return [.. labels.Select(l => new TaskOption(l, l))];
    }

    private static void CheckLabels(List<string> labels, string activity)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var label in labels)
        {
            if (!seen.Add(label) || TextRules.Check(label, TaskForm.MaxValueLength, required: true) is not null)
                throw AskFaults.OptionInvalid.Fault(("activity", activity), ("value", label), ("max", TaskForm.MaxValueLength));
        }
    }

    /// <summary>A time poll: the candidate times, earliest first, each recorded on Beijing's clock and shown in Chinese.</summary>
    private static TaskOption[] Times(List<string> given, DateTimeOffset now, string activity)
    {
        if (given.Count is < MinOptions or > MaxTimes)
            throw AskFaults.OptionsRequired.Fault(("activity", activity), ("kind", AskFormKinds.TimePoll), ("min", MinOptions), ("max", MaxTimes));
        var times = new List<DateTimeOffset>();
        foreach (var text in given)
        {
            if (!TryParseTime(text, out var at) || at <= now)
                throw AskFaults.TimeOption.Fault(("activity", activity), ("value", text));
            if (times.Contains(at)) throw AskFaults.OptionInvalid.Fault(("activity", activity), ("value", text), ("max", TaskForm.MaxValueLength));
            times.Add(at);
        }
        return [.. times.Order().Select(at => new TaskOption(
            BeijingTime.ToBeijing(at).ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture), BeijingTime.FormatChinese(at)))];
    }

    /// <summary>An ISO 8601 date and time; one without an offset is Beijing time, as staff mean it.</summary>
    private static bool TryParseTime(string text, out DateTimeOffset at)
    {
        if (Offset().IsMatch(text)) return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out at);
        at = default;
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)) return false;
        var wall = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        at = new DateTimeOffset(wall, BeijingTime.Zone.GetUtcOffset(wall));
        return true;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"([Zz]|[+-]\d{2}:?\d{2})$")]
    private static partial System.Text.RegularExpressions.Regex Offset();
}
