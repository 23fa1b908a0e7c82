using System.Text.Json.Nodes;
using Deliberation.Civic.Data;
using Deliberation.Civic.Participation;

namespace Deliberation.Civic.Implementation;

/// <summary>The answers of the follow-up (回访): 满意, 基本满意, 不满意, with an optional comment.</summary>
public static class Satisfaction
{
    /// <summary>满意 satisfied.</summary>
    public const string Satisfied = "satisfied";

    /// <summary>基本满意 fairly satisfied.</summary>
    public const string FairlySatisfied = "fairly-satisfied";

    /// <summary>不满意 dissatisfied.</summary>
    public const string Dissatisfied = "dissatisfied";

    /// <summary>The choices in the order shown, with their Chinese labels.</summary>
    public static IReadOnlyList<(string Value, string Label)> Choices { get; } =
        [(Satisfied, "满意"), (FairlySatisfied, "基本满意"), (Dissatisfied, "不满意")];

    /// <summary>The task data of the follow-up question: the three choices and room for a comment.</summary>
    public static JsonObject TaskData(string description) => new()
    {
        ["options"] = new JsonArray(Choices.Select(c => (JsonNode)new JsonObject { ["value"] = c.Value, ["label"] = c.Label }).ToArray()),
        ["allowComment"] = true,
        ["description"] = description,
    };

    /// <summary>The current answer of each follow-up task that has one (the latest, should two ever be current), by task id.</summary>
    internal static async Task<Dictionary<Guid, TaskAnswer>> CurrentAnswersAsync(ICivicSession db, IReadOnlyCollection<Guid> taskIds, CancellationToken cancellationToken) =>
        (await db.TaskAnswers.AsNoTracking().Where(a => taskIds.Contains(a.TaskId) && a.IsCurrent).ToListAsync(cancellationToken))
            .GroupBy(a => a.TaskId).ToDictionary(g => g.Key, g => g.OrderBy(a => a.AnsweredAt).ThenBy(a => a.Id).Last());

    /// <summary>The choice of a follow-up answer (satisfied, fairly-satisfied, dissatisfied); null without one.</summary>
    internal static string? ChoiceOf(TaskAnswer? answer) => answer is not null && TaskForm.ChosenValues(answer.Answer) is [var first, ..] ? first : null;

    /// <summary>Counts the answers: one choice (or null for no answer) per person asked.</summary>
    public static SatisfactionSummary Summarize(IEnumerable<string?> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        int satisfied = 0, fairly = 0, dissatisfied = 0, none = 0;
        foreach (var choice in choices)
        {
            switch (choice)
            {
                case Satisfied: satisfied++; break;
                case FairlySatisfied: fairly++; break;
                case Dissatisfied: dissatisfied++; break;
                default: none++; break;
            }
        }
        return new SatisfactionSummary(satisfied, fairly, dissatisfied, none);
    }
}
