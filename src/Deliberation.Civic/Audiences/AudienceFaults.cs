using Deliberation.Engine.Runtime;

namespace Deliberation.Civic.Audiences;

/// <summary>Why an audience could not be resolved, in both languages: each becomes an incident of the activity, told by code.</summary>
public static class AudienceFaults
{
#pragma warning disable CS1591 // each message says what it is about
    public static readonly FieldMessage KindUnknown = new("audience-kind-unknown",
        "Audience '{value}' of activity '{activity}' is unknown: expected one of {kinds}.",
        "活动“{activity}”的征询对象类型“{value}”无效，可选：{kinds}。");
    public static readonly FieldMessage TargetsRequired = new("audience-targets-required",
        "Activity '{activity}' names no {kind} to address: fill in 'audienceIds'.",
        "活动“{activity}”没有填写征询对象（{kind}），请在“对象编号”中填写。");
    public static readonly FieldMessage IdInvalid = new("audience-id-invalid",
        "'{value}' in '{input}' of activity '{activity}' is not an id.",
        "活动“{activity}”的输入项“{input}”中，“{value}”不是有效的编号。");
    public static readonly FieldMessage RoleUnknown = new("audience-role-unknown",
        "'{value}' in 'audienceIds' of activity '{activity}' is not a role: use a roster role such as 楼长 or BuildingHead.",
        "活动“{activity}”的对象中，“{value}”不是花名册中的角色，请填写如“楼长”“网格员”等角色名称。");
    public static readonly FieldMessage NotInCommunity = new("audience-not-in-community",
        "Activity '{activity}': {kind} {value} is not in this community.",
        "活动“{activity}”：本社区没有编号为 {value} 的对象（{kind}），请检查对象编号，不能填写其他社区的。");
    public static readonly FieldMessage Empty = new("audience-empty",
        "Activity '{activity}' found nobody to address ({kind}): check the ids, the roster and the panel.",
        "活动“{activity}”没有找到任何对象（{kind}），请检查对象编号、花名册或议事小组。");
    public static readonly FieldMessage TooLarge = new("audience-too-large",
        "Activity '{activity}' would address {count} people; at most {max} at once.",
        "活动“{activity}”的对象有 {count} 人，一次最多 {max} 人，请缩小范围。");
#pragma warning restore CS1591
}
