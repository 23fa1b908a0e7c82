using Deliberation.Engine.Runtime;

namespace Deliberation.Civic.Elections;

/// <summary>The refusals of step 2, as <see cref="WorkflowException"/>s so that the API answers them as ProblemDetails.</summary>
internal static class Refusals
{
    public static WorkflowException NotFound(string code, string message) => new(WorkflowErrorKind.NotFound, code, message);

    public static WorkflowException Conflict(string code, string message) => new(WorkflowErrorKind.Conflict, code, message);

    public static WorkflowException Invalid(IReadOnlyDictionary<string, FieldError[]> errors, string message) =>
        new(WorkflowErrorKind.Invalid, "invalid-input", message) { FieldErrors = errors };

    public static void ThrowIfAny(Dictionary<string, FieldError[]> errors, string message)
    {
        if (errors.Count > 0) throw Invalid(errors, message);
    }
}
