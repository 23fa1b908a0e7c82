using System.Text;
using Scriban.Runtime;

namespace Deliberation.Integrations.Scripting;

/// <summary>
/// The output a script writes to, refusing to grow past a limit: Scriban's loop limit bounds each loop, but nested
/// loops multiply, so the total is bounded here, as it is written.
/// </summary>
public sealed class BoundedOutput(int maxLength) : IScriptOutput
{
    private readonly StringBuilder _text = new();

    /// <inheritdoc/>
    public void Write(string text, int offset, int count)
    {
        if (_text.Length + count > maxLength)
            throw new InvalidOperationException($"The output would be longer than {maxLength} characters; a template may write at most that much.");
        _text.Append(text, offset, count);
    }

    /// <inheritdoc/>
    public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken)
    {
        Write(text, offset, count);
        return ValueTask.CompletedTask;
    }

    /// <summary>What was written.</summary>
    public override string ToString() => _text.ToString();
}
