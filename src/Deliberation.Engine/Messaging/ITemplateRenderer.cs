using System.Text.Json.Nodes;
using Deliberation.Engine.Expressions;

namespace Deliberation.Engine.Messaging;

/// <summary>Renders named templates (files under <c>workflows/templates/</c>); implemented with Scriban.</summary>
public interface ITemplateRenderer
{
    /// <summary>Whether a template of that name exists.</summary>
    bool Exists(string templateName);

    /// <summary>Renders a template with <c>model</c> plus the usual script model (input, vars, output…).</summary>
    /// <exception cref="ScriptEvaluationException">The template is missing, invalid, or failed while rendering.</exception>
    Task<string> RenderAsync(string templateName, JsonNode? model, ScriptModel scope, CancellationToken cancellationToken);
}
