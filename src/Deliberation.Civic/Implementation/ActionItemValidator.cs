using Deliberation.Engine.Runtime;

namespace Deliberation.Civic.Implementation;

/// <summary>Checks an <see cref="ActionItemDraft"/>; the errors are by field (camelCase, as the API names them), each with its code.</summary>
public static class ActionItemValidator
{
    /// <summary>The longest title.</summary>
    public const int MaxTitleLength = 200;

    /// <summary>The longest responsible party.</summary>
    public const int MaxPartyLength = 100;

    /// <summary>The longest funding source.</summary>
    public const int MaxFundingSourceLength = 200;

    /// <summary>The longest detail of a funding share (who exactly).</summary>
    public const int MaxFundingDetailLength = 100;

    /// <summary>The most funding shares of one item.</summary>
    public const int MaxFundingShares = 10;

    /// <summary>The largest budget, in yuan (fits the column's precision).</summary>
    public const decimal MaxBudget = 9_999_999_999.99m;

    /// <summary>The furthest due date from now.</summary>
    public static readonly TimeSpan MaxDueIn = TimeSpan.FromDays(3 * 366);

    /// <summary>Checks a draft.</summary>
    /// <param name="draft">The draft.</param>
    /// <param name="now">The current time: the due date must be after it.</param>
    /// <param name="personBelongs">Whether the named person is on the community's roster (ignored without a person).</param>
    /// <returns>Problems by field; empty when the draft is valid.</returns>
    public static Dictionary<string, FieldError[]> Validate(ActionItemDraft draft, DateTimeOffset now, bool personBelongs)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new Dictionary<string, FieldError[]>(StringComparer.Ordinal);
        Text(draft.Title, "title", MaxTitleLength, required: true, errors);
        Text(draft.ResponsibleParty, "responsibleParty", MaxPartyLength, required: true, errors);
        Text(draft.FundingSource, "fundingSource", MaxFundingSourceLength, required: false, errors);
        if (draft.DueAt is not { } due) errors["dueAt"] = [ActionItemFields.DueAtRequired.Error()];
        else if (due <= now) errors["dueAt"] = [ActionItemFields.DueAtInPast.Error()];
        else if (due - now > MaxDueIn) errors["dueAt"] = [ActionItemFields.DueAtTooFar.Error()];
        if (draft.Budget is { } budget && (budget < 0 || budget > MaxBudget || decimal.Round(budget, 2) != budget))
            errors["budget"] = [ActionItemFields.Budget.With(("max", MaxBudget))];
        if (draft.PersonId is not null && !personBelongs) errors["personId"] = [CommonFields.PersonUnknown.Error()];
        ValidateFunding(draft, errors);
        return errors;
    }

    /// <summary>
    /// The shares: known sources, amounts above zero with at most two decimals, no source (with its detail) twice, and a
    /// total equal to the budget when one is given.
    /// </summary>
    private static void ValidateFunding(ActionItemDraft draft, Dictionary<string, FieldError[]> errors)
    {
        if (draft.Funding is not { Count: > 0 } shares) return;
        if (shares.Count > MaxFundingShares)
        {
            errors["funding"] = [ActionItemFields.FundingTooMany.With(("max", MaxFundingShares))];
            return;
        }
        var seen = new HashSet<(string?, string?)>();
        for (var i = 0; i < shares.Count; i++)
        {
            var share = shares[i];
            if (share?.Source is not { } source || !FundingSources.All.Contains(source))
                errors[$"funding[{i}].source"] = [CommonFields.OneOf.With(("values", string.Join(", ", FundingSources.All)))];
            if (share?.Amount is not { } amount || amount <= 0 || amount > MaxBudget || decimal.Round(amount, 2) != amount)
                errors[$"funding[{i}].amount"] = [ActionItemFields.FundingAmount.With(("max", MaxBudget))];
            if (share?.Detail?.Trim().Length > MaxFundingDetailLength) errors[$"funding[{i}].detail"] = [CommonFields.AtMost.With(("max", MaxFundingDetailLength))];
            if (share is not null && !seen.Add((share.Source, share.Detail?.Trim() ?? ""))) errors[$"funding[{i}].source"] = [ActionItemFields.FundingTwice.Error()];
        }
        var total = shares.Sum(s => s?.Amount ?? 0);
        if (!errors.Keys.Any(k => k.StartsWith("funding", StringComparison.Ordinal)) && draft.Budget is { } budget && total != budget)
            errors["funding"] = [ActionItemFields.FundingSum.With(("total", Money.Yuan(total)), ("budget", Money.Yuan(budget)))];
    }

    private static void Text(string? value, string field, int max, bool required, Dictionary<string, FieldError[]> errors)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0 && required) errors[field] = [CommonFields.Required.Error()];
        else if (trimmed.Length > max) errors[field] = [CommonFields.AtMost.With(("max", max))];
    }
}
