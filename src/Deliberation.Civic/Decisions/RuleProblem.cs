using Deliberation.Engine.Runtime;

namespace Deliberation.Civic.Decisions;

/// <summary>Why rules of procedure cannot decide anything: the field it concerns and what is wrong with it.</summary>
/// <param name="Field">The field as the API names it (<c>rule</c>, <c>quorum</c>, <c>article278Matter</c>, <c>advisorsVote</c>).</param>
/// <param name="Error">What is wrong, with its code.</param>
public sealed record RuleProblem(string Field, FieldError Error)
{
    /// <inheritdoc/>
    public override string ToString() => Error.Format(english: true);
}
