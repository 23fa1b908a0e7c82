using System.Globalization;

namespace Deliberation.Engine.Runtime;

/// <summary>
/// What can be wrong with a field, declared once where it arises: a stable code and the message in English and in
/// Chinese, each a template naming its values as <c>{name}</c>, which the <see cref="FieldError"/> fills in. The API answers
/// in the caller's language from these, by code; nothing matches sentences.
/// </summary>
/// <param name="Code">Stable, lower-case with hyphens, e.g. <c>meeting-slot-count</c>.</param>
/// <param name="En">The English template.</param>
/// <param name="ZhCn">The Chinese template.</param>
public sealed record FieldMessage(string Code, string En, string ZhCn)
{
    /// <summary>This message with no values.</summary>
    public FieldError Error() => new(this, new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>This message with the values it names.</summary>
    public FieldError With(params (string Name, object? Value)[] values) =>
        new(this, values.ToDictionary(v => v.Name, v => Convert.ToString(v.Value, CultureInfo.InvariantCulture) ?? "", StringComparer.Ordinal));

    /// <summary>
    /// This message as an activity's fault (an incident told by code); values the message does not name (the id of a
    /// vote, a meeting) are recorded with the incident for whoever investigates.
    /// </summary>
    public ActivityFaultException Fault(params (string Name, object? Value)[] values) => new(With(values));

    /// <summary>The names of the values a template names (<c>{name}</c>), in order of appearance.</summary>
    public static IReadOnlyList<string> ValueNames(string template)
    {
        var names = new List<string>();
        for (var i = template.IndexOf('{', StringComparison.Ordinal); i >= 0; i = template.IndexOf('{', i + 1))
        {
            var end = template.IndexOf('}', i);
            if (end > i) names.Add(template[(i + 1)..end]);
        }
        return names;
    }
}

/// <summary>One problem with a field: its <see cref="FieldMessage"/> and the values it names.</summary>
/// <param name="Message">What is wrong.</param>
/// <param name="Values">The values the message names, by name.</param>
public sealed record FieldError(FieldMessage Message, IReadOnlyDictionary<string, string> Values)
{
    /// <summary>The message's stable code.</summary>
    public string Code => Message.Code;

    /// <summary>The message in English or Chinese, with its values filled in.</summary>
    public string Format(bool english)
    {
        var text = english ? Message.En : Message.ZhCn;
        foreach (var (name, value) in Values) text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        return text;
    }
}
