namespace Deliberation.Engine.Runtime;

/// <summary>Field messages of a workflow's inputs, as an instance is started with them (the launch form).</summary>
public static class InputFields
{
    /// <summary>An input the workflow does not declare.</summary>
    public static readonly FieldMessage Unknown = new("input-unknown", "The workflow has no input '{input}'.", "该流程没有输入项“{input}”。");

    /// <summary>Not text.</summary>
    public static readonly FieldMessage Text = new("input-text", "A text value is expected.", "应为文本。");

    /// <summary>Not a number.</summary>
    public static readonly FieldMessage Number = new("input-number", "A number is expected.", "应为数字。");

    /// <summary>Not true or false.</summary>
    public static readonly FieldMessage Boolean = new("input-boolean", "true or false is expected.", "应为 true 或 false。");

    /// <summary>Not a duration.</summary>
    public static readonly FieldMessage Duration = new("input-duration", "A duration such as 24h, 30m or PT24H is expected.", "请输入时长，如 24h、30m 或 PT24H。");

    /// <summary>Not a date and time.</summary>
    public static readonly FieldMessage DateTime = new("input-datetime", "An ISO 8601 date and time is expected.", "应为 ISO 8601 日期时间。");

    /// <summary>Not one of the input's options.</summary>
    public static readonly FieldMessage Option = new("input-option", "One of {options} is expected.", "应为以下之一：{options}。");

    /// <summary>Not an id (a picker's text input).</summary>
    public static readonly FieldMessage Id = new("input-id", "Choose one from the list (an id is expected).", "请从列表中选择（应为编号）。");

    /// <summary>Not a list of ids (a picker's json input).</summary>
    public static readonly FieldMessage Ids = new("input-ids", "Choose from the list (a list of ids is expected).", "请从列表中选择（应为编号列表）。");
}
