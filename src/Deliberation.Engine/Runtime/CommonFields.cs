namespace Deliberation.Engine.Runtime;

/// <summary>Field messages every area uses.</summary>
public static class CommonFields
{
    /// <summary>The field is missing or empty.</summary>
    public static readonly FieldMessage Required = new("required", "Required.", "必填。");

    /// <summary>Missing, empty or longer than <c>{max}</c> characters.</summary>
    public static readonly FieldMessage RequiredAtMost = new("required-at-most", "Required, at most {max} characters.", "必填，最多 {max} 个字符。");

    /// <summary>Longer than <c>{max}</c> characters.</summary>
    public static readonly FieldMessage AtMost = new("at-most-characters", "At most {max} characters.", "最多 {max} 个字符。");
}
