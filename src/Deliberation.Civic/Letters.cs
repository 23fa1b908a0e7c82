namespace Deliberation.Civic;

/// <summary>
/// How every email of the committee opens and closes, so that residents, parties and staff meet one voice:
/// <c>王芳您好：</c> (or <c>您好：</c> when the name is not known) and the signature <c>社区居委会</c>.
/// </summary>
public static class Letters
{
    /// <summary>The signature under every email.</summary>
    public const string Signature = "社区居委会";

    /// <summary>The greeting line: the name followed by 您好：, or 您好： alone.</summary>
    public static string Greeting(string? name) => string.IsNullOrWhiteSpace(name) ? "您好：" : $"{name.Trim()}您好：";

    /// <summary>
    /// The words of each link's button in the email's HTML part (<c>EmailMessage.LinkLabels</c>): a verb for what the
    /// link does, e.g. 投票; links not given (<see langword="null"/>) are left out.
    /// </summary>
    public static Dictionary<string, string> Buttons(params (string? Link, string Label)[] labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return labels.Where(l => l.Link is not null).DistinctBy(l => l.Link).ToDictionary(l => l.Link!, l => l.Label, StringComparer.Ordinal);
    }
}
