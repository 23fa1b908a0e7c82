using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Deliberation.Civic.Participation;

namespace Deliberation.Civic.Asking;

/// <summary>
/// Counts the answers to a question, for the workflow's next steps to read in Scriban (<c>output.ask.tally.counts.yes</c>):
/// <c>{ total, answered, missing, counts: { value: n }, options: [{ value, label, count }], top: [values], leading, average, channels: { link, paper, proxy } }</c>.
/// <c>top</c> holds the most chosen values in option order (of a time poll, the earliest first); <c>leading</c> is the one
/// most chosen, or null when nobody chose or several tie; <c>average</c> is the mean mark of a rating (two decimals), else null.
/// A multiple choice counts every option chosen, so its counts may add up to more than the answers. A progress report with
/// photo (<see cref="AskFormKinds.ProgressPhoto"/>) has no options: <c>average</c> is the mean percentage of the latest
/// reports, and it adds <c>done</c> (reports marked done) and <c>withPhoto</c> (reports with a photo).
/// </summary>
public static class AskTally
{
    /// <summary>The tally.</summary>
    /// <param name="kind">One of <see cref="AskFormKinds.All"/>.</param>
    /// <param name="options">The options offered, in order; empty for a written answer.</param>
    /// <param name="asked">Everyone asked, with their current answer if any.</param>
    public static JsonObject Count(string kind, IReadOnlyList<TaskOption> options, IReadOnlyList<AskedPerson> asked)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(asked);
        var answered = asked.Where(a => a.Answer is not null).ToList();
        var counts = options.ToDictionary(o => o.Value, _ => 0, StringComparer.Ordinal);
        foreach (var person in answered)
        {
            foreach (var value in TaskForm.ChosenValues(person.Answer!).Distinct(StringComparer.Ordinal))
                if (counts.TryGetValue(value, out var n)) counts[value] = n + 1;
        }
        var most = counts.Count == 0 ? 0 : counts.Values.Max();
        var top = most == 0 ? [] : options.Where(o => counts[o.Value] == most).Select(o => o.Value).ToList();

        double? average = null;
        var progress = kind == AskFormKinds.ProgressPhoto ? answered.Select(a => TaskForm.ProgressOf(a.Answer!)).OfType<(int Percent, bool Done, Guid? PhotoId)>().ToList() : null;
        if (progress is { Count: > 0 }) average = Math.Round(progress.Average(p => p.Percent), 2, MidpointRounding.AwayFromZero);
        if (kind == AskFormKinds.Rating)
        {
            var marks = counts.Sum(c => c.Value);
            if (marks > 0)
                average = Math.Round(counts.Sum(c => int.Parse(c.Key, CultureInfo.InvariantCulture) * c.Value) / (double)marks, 2, MidpointRounding.AwayFromZero);
        }

        var tally = new JsonObject
        {
            ["total"] = asked.Count,
            ["answered"] = answered.Count,
            ["missing"] = asked.Count - answered.Count,
            ["counts"] = new JsonObject([.. options.Select(o => KeyValuePair.Create(o.Value, (JsonNode?)counts[o.Value]))]),
            ["options"] = new JsonArray([.. options.Select(o => (JsonNode)new JsonObject { ["value"] = o.Value, ["label"] = o.Label, ["count"] = counts[o.Value] })]),
            ["top"] = new JsonArray([.. top.Select(v => (JsonNode?)JsonValue.Create(v))]),
            ["leading"] = top.Count == 1 ? top[0] : null,
            ["average"] = average,
            // Online, paper and proxy answers apart, so that a notice of the result can say how each was given.
            ["channels"] = new JsonObject([.. TaskChannels.All.Select(c => KeyValuePair.Create(c,
                (JsonNode?)answered.Count(a => (a.Channel ?? TaskChannels.Link) == c)))]),
        };
        if (progress is not null)
        {
            tally["done"] = progress.Count(p => p.Done);
            tally["withPhoto"] = answered.Count(a => a.Photo is not null);
        }
        return tally;
    }

    /// <summary>
    /// The answers by person id: each the recorded answer (<c>choice</c>, <c>choices</c> or <c>comment</c>; of a progress
    /// report, the latest <c>percent</c>, <c>done</c> and <c>comment</c>) with its <c>channel</c>; a progress report says
    /// whether it came with a <c>photo</c> and, when it did, the <c>taskId</c> and <c>answerId</c> that fetch it. Those who
    /// did not answer are left out (see <see cref="Unanswered"/>).
    /// </summary>
    /// <param name="asked">Everyone asked, with their current answer if any.</param>
    /// <param name="kind">One of <see cref="AskFormKinds.All"/>, if known.</param>
    public static JsonObject Answers(IReadOnlyList<AskedPerson> asked, string? kind = null)
    {
        ArgumentNullException.ThrowIfNull(asked);
        var answers = new JsonObject();
        foreach (var person in asked.Where(a => a.Answer is not null))
        {
            var answer = Parse(person.Answer!);
            answer["channel"] = person.Channel ?? TaskChannels.Link;
            if (kind == AskFormKinds.ProgressPhoto)
            {
                answer["photo"] = person.Photo is not null;
                if (person.Photo is { } photo) (answer["taskId"], answer["answerId"]) = (photo.TaskId.ToString(), photo.AnswerId.ToString());
            }
            answers[person.PersonId.ToString()] = answer;
        }
        return answers;
    }

    /// <summary>The ids of those who did not answer, in the order asked (to remind or notify them in a later step).</summary>
    public static JsonArray Unanswered(IReadOnlyList<AskedPerson> asked)
    {
        ArgumentNullException.ThrowIfNull(asked);
        return new JsonArray([.. asked.Where(a => a.Answer is null).Select(a => (JsonNode?)JsonValue.Create(a.PersonId.ToString()))]);
    }

    private static JsonObject Parse(string answer)
    {
        try
        {
            return JsonNode.Parse(answer) as JsonObject ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
