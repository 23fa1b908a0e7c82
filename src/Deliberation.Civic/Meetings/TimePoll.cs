namespace Deliberation.Civic.Meetings;

/// <summary>Counts a meeting-time poll: the slot most people can make; of equals, the earliest.</summary>
public static class TimePoll
{
    /// <summary>How many chose each slot, in slot order, and the index of the chosen slot.</summary>
    /// <param name="slots">The candidate slots.</param>
    /// <param name="answers">Each respondent's chosen option values (<see cref="MeetingSlot.OptionValue"/>).</param>
    public static (IReadOnlyList<int> Counts, int Chosen) Count(IReadOnlyList<MeetingSlot> slots, IEnumerable<IReadOnlyCollection<string>> answers)
    {
        ArgumentNullException.ThrowIfNull(slots);
        ArgumentNullException.ThrowIfNull(answers);
        if (slots.Count == 0) throw new ArgumentException("A poll needs at least one slot.", nameof(slots));
        var counts = new int[slots.Count];
        foreach (var chosen in answers)
        {
            for (var i = 0; i < slots.Count; i++)
                if (chosen.Contains(MeetingSlot.OptionValue(i))) counts[i]++;
        }
        var best = 0;
        for (var i = 1; i < slots.Count; i++)
        {
            if (counts[i] > counts[best] || (counts[i] == counts[best] && slots[i].Start < slots[best].Start)) best = i;
        }
        return (counts, best);
    }
}
