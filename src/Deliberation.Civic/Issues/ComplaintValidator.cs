namespace Deliberation.Civic.Issues;

/// <summary>Checks a complaint a building head logs and turns it into rows; every problem is reported at once, by field.</summary>
public static class ComplaintValidator
{
    /// <summary>The longest title (the <c>complaints.title</c> column).</summary>
    public const int MaxTitleLength = 200;

    /// <summary>The longest description (the <c>complaints.description</c> column).</summary>
    public const int MaxDescriptionLength = 4000;

    /// <summary>The most ids in one list: a whole community's buildings fit, a runaway client does not.</summary>
    public const int MaxIds = 2000;

    /// <summary>The most reporters one complaint may count.</summary>
    public const int MaxReporterCount = 100_000;

    /// <summary>Checks <paramref name="draft"/> against the catalogue and the community.</summary>
    /// <param name="draft">What was entered.</param>
    /// <param name="catalogue">The deliberation matters catalogue.</param>
    /// <param name="layout">The community's building groups, households and people.</param>
    /// <param name="complaint">Id, community, logging account and time of the new complaint; its other fields are filled in here.</param>
    public static ComplaintPlan Validate(ComplaintDraft draft, MattersCatalogue catalogue, CommunityLayout layout, Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(complaint);
        var problems = new List<ComplaintProblem>();

        var code = draft.CategoryCode?.Trim() ?? "";
        if (code.Length == 0)
            problems.Add(new("categoryCode", "请选择问题类别。", "Choose a category."));
        else if (catalogue.Find(code) is null)
            problems.Add(new("categoryCode", $"未知的问题类别“{code}”，可选：{string.Join("、", catalogue.Matters.Select(m => $"{m.Code}（{m.Zh}）"))}。",
                $"Unknown category '{code}'; choose one of: {string.Join(", ", catalogue.Matters.Select(m => $"{m.Code} ({m.En})"))}."));

        var title = draft.Title?.Trim() ?? "";
        if (title.Length == 0) problems.Add(new("title", "请填写标题。", "A title is required."));
        else if (title.Length > MaxTitleLength) problems.Add(new("title", $"标题最多 {MaxTitleLength} 个字。", $"The title may have at most {MaxTitleLength} characters."));
        else if (TextRules.Check(title, MaxTitleLength, required: true) is { Code: "text-invalid-characters" })
            problems.Add(new("title", Deliberation.Engine.Runtime.CommonFields.TextCharacters.ZhCn, Deliberation.Engine.Runtime.CommonFields.TextCharacters.En));

        var description = draft.Description?.Trim() ?? "";
        if (description.Length > MaxDescriptionLength)
            problems.Add(new("description", $"描述最多 {MaxDescriptionLength} 个字。", $"The description may have at most {MaxDescriptionLength} characters."));
        else if (TextRules.Check(description, MaxDescriptionLength, required: false, multiline: true) is { Code: "text-invalid-characters" })
            problems.Add(new("description", Deliberation.Engine.Runtime.CommonFields.TextCharacters.ZhCn, Deliberation.Engine.Runtime.CommonFields.TextCharacters.En));

        Rating(draft.Severity, "severity", "严重程度", "Severity", problems);
        Rating(draft.Urgency, "urgency", "紧急程度", "Urgency", problems);

        var buildingIds = Distinct(draft.BuildingGroupIds, "buildingGroupIds", problems);
        var householdIds = Distinct(draft.HouseholdIds, "householdIds", problems);
        var personIds = Distinct(draft.ReporterPersonIds, "reporterPersonIds", problems);
        Unknown(buildingIds.Where(id => !layout.BuildingGroupIds.Contains(id)), "buildingGroupIds", "楼栋", "building groups", problems);
        Unknown(householdIds.Where(id => !layout.HouseholdBuildings.ContainsKey(id)), "householdIds", "住户", "households", problems);
        Unknown(personIds.Where(id => !layout.PersonIds.Contains(id)), "reporterPersonIds", "居民", "people", problems);
        if (buildingIds.Count == 0 && householdIds.Count == 0 && draft.BuildingGroupIds is not { Count: > MaxIds } && draft.HouseholdIds is not { Count: > MaxIds })
            problems.Add(new("buildingGroupIds", "请至少选择一个受影响的楼栋或住户。", "Choose at least one affected building group or household."));

        if (draft.ReporterCount is { } given && given is < 1 or > MaxReporterCount)
            problems.Add(new("reporterCount", $"反映人数应在 1 到 {MaxReporterCount} 之间。", $"The number of residents reporting must be 1 to {MaxReporterCount}."));

        if (draft.ElderlyPercent is { } elderly && (elderly < 0 || elderly > 100 || decimal.Round(elderly, 2) != elderly))
            problems.Add(new("elderlyPercent", "长者占比应为 0 到 100 之间的百分数，最多两位小数，如 12.45。",
                "The elderly share is a percentage from 0 to 100 with at most two decimals, e.g. 12.45."));

        if (problems.Count > 0) return new(problems, null, [], []);

        complaint.CategoryCode = code;
        complaint.Title = title;
        complaint.Description = description;
        complaint.Severity = draft.Severity!.Value;
        complaint.Urgency = draft.Urgency!.Value;
        // Named reporters are among those who reported: the count is at least how many are named.
        complaint.ReporterCount = Math.Max(draft.ReporterCount ?? 1, personIds.Count);
        complaint.ElderlyPercent = draft.ElderlyPercent;
        complaint.Status = ComplaintStatus.Open;

        // A household inside a building group affected as a whole adds nothing; it is not stored twice.
        var wholeBuildings = buildingIds.ToHashSet();
        var scopes = buildingIds.Select(b => new ComplaintScope { ComplaintId = complaint.Id, BuildingGroupId = b })
            .Concat(householdIds.Where(h => !wholeBuildings.Contains(layout.HouseholdBuildings[h]))
                .Select(h => new ComplaintScope { ComplaintId = complaint.Id, BuildingGroupId = layout.HouseholdBuildings[h], HouseholdId = h }))
            .ToList();
        var reporters = personIds.Select(p => new ComplaintReporter { ComplaintId = complaint.Id, PersonId = p }).ToList();
        return new([], complaint, scopes, reporters);
    }

    private static void Rating(int? value, string field, string zh, string en, List<ComplaintProblem> problems)
    {
        if (value is null) problems.Add(new(field, $"请选择{zh}(1–5)。", $"{en} is required (1–5)."));
        else if (value is < 1 or > 5) problems.Add(new(field, $"{zh}应为 1 到 5。", $"{en} must be 1 to 5."));
    }

    private static List<Guid> Distinct(IReadOnlyList<Guid>? ids, string field, List<ComplaintProblem> problems)
    {
        if (ids is null) return [];
        if (ids.Count > MaxIds)
        {
            problems.Add(new(field, $"最多 {MaxIds} 项。", $"At most {MaxIds} entries."));
            return [];
        }
        return ids.Distinct().ToList();
    }

    private static void Unknown(IEnumerable<Guid> unknown, string field, string zh, string en, List<ComplaintProblem> problems)
    {
        var list = unknown.ToList();
        if (list.Count > 0)
            problems.Add(new(field, $"本社区没有这些{zh}：{string.Join("、", list)}。", $"The community has no such {en}: {string.Join(", ", list)}."));
    }
}
