using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Deliberation.Engine.Activities;

/// <summary>
/// The activity types the engine knows, by type name and version. Built once at start-up; the
/// constructor validates every descriptor so that a bad activity type stops the host early.
/// </summary>
public sealed partial class ActivityRegistry
{
    private readonly FrozenDictionary<(string Type, int Version), Activity> _activities;

    [GeneratedRegex("^[A-Z][A-Za-z0-9]*$")]
    private static partial Regex TypeName();

    [GeneratedRegex("^[a-zA-Z][A-Za-z0-9]*$")]
    private static partial Regex Identifier();

    /// <summary>Registers the activities.</summary>
    /// <exception cref="ArgumentException">A descriptor is invalid or a type/version is registered twice.</exception>
    public ActivityRegistry(IEnumerable<Activity> activities)
    {
        var map = new Dictionary<(string, int), Activity>();
        var problems = new List<string>();
        foreach (var activity in activities)
        {
            var d = activity.Descriptor;
            var key = (d.Type, d.Version);
            if (!TypeName().IsMatch(d.Type)) problems.Add($"'{d.Type}': the type name must be PascalCase letters and digits.");
            if (d.Version < 1) problems.Add($"'{d.Type}': the version must be 1 or more.");
            if (string.IsNullOrWhiteSpace(d.DisplayName.ZhCN) || string.IsNullOrWhiteSpace(d.DisplayName.En))
                problems.Add($"'{d.Type}': both zh-CN and en display names are required.");
            if (d.Inputs.Select(i => i.Name).Distinct().Count() != d.Inputs.Count) problems.Add($"'{d.Type}': input names repeat.");
            if (d.Outcomes.Distinct().Count() != d.Outcomes.Count) problems.Add($"'{d.Type}': outcome names repeat.");
            foreach (var input in d.Inputs)
            {
                if (!Identifier().IsMatch(input.Name)) problems.Add($"'{d.Type}': input '{input.Name}' must be an identifier.");
                if (input.UiHint == UiHint.Dropdown && (input.Options is null || input.Options.Count == 0))
                    problems.Add($"'{d.Type}': dropdown input '{input.Name}' has no options.");
            }
            if (d.DynamicOutcomesInput is { } dyn && d.Inputs.All(i => i.Name != dyn))
                problems.Add($"'{d.Type}': dynamic outcomes input '{dyn}' is not an input.");
            if (!map.TryAdd(key, activity)) problems.Add($"'{d.Type}' version {d.Version} is registered twice.");
        }
        if (problems.Count > 0) throw new ArgumentException("Invalid activity types: " + string.Join(" ", problems));
        _activities = map.ToFrozenDictionary();
    }

    /// <summary>All descriptors, newest version of each type first.</summary>
    public IEnumerable<ActivityDescriptor> Descriptors =>
        _activities.Values.Select(a => a.Descriptor).OrderBy(d => d.Category.En).ThenBy(d => d.Type).ThenByDescending(d => d.Version);

    /// <summary>Finds an activity type.</summary>
    public Activity? Find(string type, int version) => _activities.GetValueOrDefault((type, version));
}
