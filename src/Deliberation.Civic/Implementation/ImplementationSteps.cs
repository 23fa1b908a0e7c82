using System.Globalization;
using Deliberation.Engine.Activities;

namespace Deliberation.Civic.Implementation;

/// <summary>What the step-5 activities (推动落实) share: their inputs.</summary>
internal static class ImplementationSteps
{
    /// <summary>The <c>caseId</c> input.</summary>
    public static InputDescriptor CaseInput { get; } = new("caseId", InputType.Text, new("议事案件", "Case"), true, UiHint.Code)
    {
        Description = new("通常为 {{ input.caseId }} 或 {{ output.<确定利益相关方的活动 id>.caseId }}", "Usually {{ input.caseId }} or {{ output.<identify activity id>.caseId }}"),
    };

    /// <summary>The <c>itemId</c> input of the per-item activities.</summary>
    public static InputDescriptor ItemInput { get; } = new("itemId", InputType.Text, new("任务", "Action item"), true, UiHint.Code)
    {
        Description = new("在“逐项并行”中通常为 {{ item.id }}", "Inside a ForEach, usually {{ item.id }}"),
    };

    /// <summary>An instant as the outputs give it: ISO 8601, round-trip.</summary>
    public static string Iso(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);
}
