namespace Deliberation.Engine.Runtime;

/// <summary>
/// An activity cannot do its work for a reason staff can act on (an input left empty, a meeting not closed yet): a
/// <see cref="FieldMessage"/> with the values it names, so that the incident it becomes reads in the staff member's
/// language, by code. Its message is the English text.
/// </summary>
public sealed class ActivityFaultException(FieldError error, Exception? inner = null) : Exception(error.Format(english: true), inner)
{
    /// <summary>What is wrong, by code, with its values.</summary>
    public FieldError Error { get; } = error;
}
