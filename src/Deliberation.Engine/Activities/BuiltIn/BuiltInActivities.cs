using Deliberation.Engine.Expressions;
using Deliberation.Engine.Messaging;

namespace Deliberation.Engine.Activities.BuiltIn;

/// <summary>The engine's own activity types.</summary>
public static class BuiltInActivities
{
    /// <summary>Creates one instance of each built-in activity.</summary>
    public static IEnumerable<Activity> Create(IScriptEvaluator scripts, ITemplateRenderer templates) =>
    [
        new StartActivity(), new EndActivity(), new IfActivity(), new SwitchActivity(scripts),
        new ForkActivity(), new JoinActivity(), new ForEachActivity(), new SetVariableActivity(),
        new DelayActivity(), new WaitUntilActivity(), new WaitForSignalActivity(),
        new SendEmailActivity(), new RenderTemplateActivity(templates), new RunWorkflowActivity(scripts),
    ];
}
