namespace Deliberation.Engine.Runtime;

/// <summary>Field messages every area uses.</summary>
public static class CommonFields
{
    /// <summary>The field is missing or empty.</summary>
    public static readonly FieldMessage Required = new("required", "Required.", "必填。");

    /// <summary>Missing, empty or longer than <c>{max}</c> characters.</summary>
    public static readonly FieldMessage RequiredAtMost = new("required-at-most", "Required, at most {max} characters.", "必填，最多 {max} 个字符。");

    /// <summary>A person id that is not on this community's roster.</summary>
    public static readonly FieldMessage PersonUnknown = new("person-unknown", "No such person in this community.", "本社区没有这个人。");

    /// <summary>Not one of the values allowed (<c>{values}</c>).</summary>
    public static readonly FieldMessage OneOf = new("one-of", "Expected one of: {values}.", "应为以下之一：{values}。");

    /// <summary>Longer than <c>{max}</c> characters.</summary>
    public static readonly FieldMessage AtMost = new("at-most-characters", "At most {max} characters.", "最多 {max} 个字符。");

    /// <summary>The text holds control characters or direction overrides (which can make a text read differently from what it says).</summary>
    public static readonly FieldMessage TextCharacters = new("text-invalid-characters",
        "Remove the control characters or text-direction overrides.", "请删除其中的控制字符或文字方向控制符。");
}
