namespace Deliberation.Civic.Roster;

/// <summary>Orders names as people count: 2栋 before 10栋, 301 before 1203.</summary>
internal sealed class NaturalComparer : IComparer<string>
{
    public static NaturalComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j]))
            {
                var si = i;
                var sj = j;
                while (i < x.Length && char.IsAsciiDigit(x[i])) i++;
                while (j < y.Length && char.IsAsciiDigit(y[j])) j++;
                var a = x.AsSpan(si, i - si).TrimStart('0');
                var b = y.AsSpan(sj, j - sj).TrimStart('0');
                var byNumber = a.Length != b.Length ? a.Length.CompareTo(b.Length) : a.SequenceCompareTo(b);
                if (byNumber != 0) return byNumber;
            }
            else
            {
                var byChar = x[i].CompareTo(y[j]);
                if (byChar != 0) return byChar;
                i++;
                j++;
            }
        }
        return (x.Length - i).CompareTo(y.Length - j) is var rest and not 0 ? rest : string.CompareOrdinal(x, y);
    }
}
