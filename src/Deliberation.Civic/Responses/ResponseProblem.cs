namespace Deliberation.Civic.Responses;

/// <summary>What is wrong with the inputs of a matter to respond to; <see cref="ResponseFaults.For"/> gives each its coded message.</summary>
public enum ResponseProblem
{
    /// <summary>The deadline class is not one of <see cref="DeadlineClasses.All"/>, or neither a class nor a deadline was given.</summary>
    DeadlineClassUnknown,

    /// <summary>The deadline is shorter than <see cref="DeadlineClasses.MinDeadline"/> or longer than <see cref="DeadlineClasses.MaxDeadline"/>.</summary>
    DeadlineOutOfRange,

    /// <summary>The ladder is empty, names an unknown level or one twice, or goes down the hierarchy.</summary>
    LadderInvalid,
}
