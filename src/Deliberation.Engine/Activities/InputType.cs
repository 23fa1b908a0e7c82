namespace Deliberation.Engine.Activities;

/// <summary>The type of an activity or workflow input; decides how a Scriban script is evaluated.</summary>
public enum InputType
{
    /// <summary>Text; a Scriban value is rendered as a template (<c>Hello {{ input.name }}</c>).</summary>
    Text,
    /// <summary>A number; a Scriban value is an expression.</summary>
    Number,
    /// <summary>True or false; a Scriban value is an expression (<c>vars.answer == "yes"</c>).</summary>
    Boolean,
    /// <summary>A duration: <c>PT24H</c>, <c>1.00:00:00</c> or <c>24h</c>/<c>30m</c>/<c>2d</c>/<c>45s</c>.</summary>
    Duration,
    /// <summary>An ISO 8601 date and time with offset.</summary>
    DateTime,
    /// <summary>Any JSON value (object, array, …); a Scriban value is an expression.</summary>
    Json,
}
