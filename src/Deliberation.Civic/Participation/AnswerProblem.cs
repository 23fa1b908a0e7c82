namespace Deliberation.Civic.Participation;

/// <summary>Why an answer was refused; pages turn it into a sentence in the reader's language.</summary>
public enum AnswerProblem
{
    /// <summary>Not an object of <c>choice</c>, <c>choices</c> and <c>comment</c> of the right types.</summary>
    Malformed,

    /// <summary>No option was chosen.</summary>
    ChoiceRequired,

    /// <summary>A chosen value is not one of the options.</summary>
    UnknownChoice,

    /// <summary>Several options chosen where only one is allowed.</summary>
    SingleChoiceOnly,

    /// <summary>More options chosen than <see cref="TaskForm.MaxChoices"/> allows.</summary>
    TooManyChoices,

    /// <summary>The task asks for a written answer and none was given.</summary>
    CommentRequired,

    /// <summary>The comment is longer than <see cref="TaskForm.MaxCommentLength"/> characters.</summary>
    CommentTooLong,

    /// <summary>The comment holds control characters or text-direction overrides (<see cref="TextRules"/>).</summary>
    CommentCharacters,

    /// <summary>The task takes no comment.</summary>
    CommentNotAllowed,

    /// <summary>The option chosen needs a written reason (<see cref="TaskOption.CommentRequired"/>) and none was given.</summary>
    ReasonRequired,

    /// <summary>A progress report without a percentage (and not marked done).</summary>
    PercentRequired,

    /// <summary>A percentage that is not a whole number from 0 to 100.</summary>
    PercentOutOfRange,
}
