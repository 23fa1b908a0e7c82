using System.Text.Json.Nodes;
using Deliberation.Engine.Activities;
using Deliberation.Engine.Expressions;
using Deliberation.Engine.Messaging;
using Scriban;

namespace Deliberation.Integrations.Scripting;

/// <summary>Renders Scriban templates from a folder (<c>workflows/templates/</c>), sandboxed like every script.</summary>
public sealed class FileTemplateRenderer(string folder) : ITemplateRenderer
{
    /// <inheritdoc/>
    public bool Exists(string templateName) => Resolve(templateName) is { } path && File.Exists(path);

    /// <inheritdoc/>
    public async Task<string> RenderAsync(string templateName, JsonNode? model, ScriptModel scope, CancellationToken cancellationToken)
    {
        var path = Resolve(templateName)
            ?? throw new ScriptEvaluationException(ActivityFaults.TemplateName.With(("name", templateName)));
        if (!File.Exists(path)) throw new ScriptEvaluationException(ActivityFaults.TemplateMissing.With(("name", templateName)));
        var text = await File.ReadAllTextAsync(path, cancellationToken);
        var template = Template.Parse(text, templateName);
        if (ScribanScriptEvaluator.UnclosedBlock(text) is { } unclosed)
            throw new ScriptEvaluationException(ActivityFaults.TemplateSyntax.With(("name", templateName), ("detail", $"line {unclosed.Line}, column {unclosed.Column}: {unclosed.Message}")));
        if (template.HasErrors)
            throw new ScriptEvaluationException(ActivityFaults.TemplateSyntax.With(("name", templateName), ("detail", string.Join("; ", template.Messages.Select(m => m.ToString())))));
        var context = ScribanScriptEvaluator.CreateContext(scope, [new("model", model)]);
        try
        {
            return await template.RenderAsync(context);
        }
        catch (Exception ex) when (ex is Scriban.Syntax.ScriptRuntimeException or InvalidOperationException or ArgumentException)
        {
            throw new ScriptEvaluationException(ActivityFaults.TemplateFailed.With(("name", templateName), ("detail", ex.Message)), ex);
        }
    }

    private string? Resolve(string name)
    {
        // Only names inside the folder: no rooted paths, no "..".
        if (string.IsNullOrWhiteSpace(name) || Path.IsPathRooted(name) || name.Contains("..", StringComparison.Ordinal)) return null;
        var full = Path.GetFullPath(Path.Combine(folder, name));
        return full.StartsWith(Path.GetFullPath(folder), StringComparison.Ordinal) ? full : null;
    }
}
