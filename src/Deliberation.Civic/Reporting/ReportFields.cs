using Deliberation.Engine.Runtime;

namespace Deliberation.Civic.Reporting;

/// <summary>Why a report's request was refused, in both languages.</summary>
public static class ReportFields
{
#pragma warning disable CS1591 // each message says what it is about
    public static readonly FieldMessage Months = new("report-months", "A number of months from 1 to {max}.", "月数须为 1 到 {max} 之间的整数。");
#pragma warning restore CS1591
}
