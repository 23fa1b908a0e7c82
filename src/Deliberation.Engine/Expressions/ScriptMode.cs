namespace Deliberation.Engine.Expressions;

/// <summary>How a Scriban script is read.</summary>
public enum ScriptMode
{
    /// <summary>Text with <c>{{ … }}</c> blocks; the result is the rendered text.</summary>
    Template,
    /// <summary>A single expression; the result is its value.</summary>
    Expression,
}
