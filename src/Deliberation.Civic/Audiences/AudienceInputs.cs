using Deliberation.Engine.Activities;

namespace Deliberation.Civic.Audiences;

/// <summary>The inputs that name an audience, shared by 征询参与者 and 通知 so that both read it the same way.</summary>
public static class AudienceInputs
{
    /// <summary>The <c>audience</c> input: one of <see cref="AudienceKinds.All"/>, a dropdown.</summary>
    public static InputDescriptor Kind { get; } = new("audience", InputType.Text, new("对象范围", "Audience"), true, UiHint.Dropdown)
    {
        Options = AudienceKinds.All,
        OptionLabels = AudienceKinds.Labels,
        Default = AudienceKinds.BuildingGroup,
        Description = new("运行时按此确定人员，每人只算一次。", "Resolved to people when the step runs; each person once."),
    };

    /// <summary>The <c>audienceIds</c> input: the targets of the kind, separated by commas or line breaks.</summary>
    public static InputDescriptor Ids { get; } = new("audienceIds", InputType.Text, new("对象编号", "Who (ids)"), true, UiHint.AudiencePicker)
    {
        Description = new(
            "楼栋小组编号、案件编号（议事小组）、人员编号、组织编号，或角色名称（如 楼长、网格员）；多个用逗号或换行分隔。可写 {{ input.caseId }}。",
            "Building group ids, case ids (their panel), person ids, organisation ids, or role names (楼长 / BuildingHead); several separated by commas or lines. {{ input.caseId }} works."),
    };

    /// <summary>The <c>onePerHousehold</c> input: for building groups, one person per household.</summary>
    public static InputDescriptor OnePerHousehold { get; } = new("onePerHousehold", InputType.Boolean, new("每户一人", "One per household"), false, UiHint.Checkbox)
    {
        Default = true,
        Description = new("仅对楼栋小组：每户只问户代表一人；不勾选则问花名册上该楼栋的所有人（含楼长）。",
            "Building groups only: ask each household's representative; unticked, everyone of the building on the roster (building heads too)."),
    };

    /// <summary>The three inputs, in the order the property panel shows them.</summary>
    public static IReadOnlyList<InputDescriptor> All { get; } = [Kind, Ids, OnePerHousehold];

    /// <summary>Reads the audience the inputs name.</summary>
    /// <exception cref="Engine.Runtime.ActivityFaultException">See <see cref="AudienceSpec.Parse"/>.</exception>
    public static AudienceSpec Read(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return AudienceSpec.Parse(context.GetText(Kind.Name), context.GetInput(Ids.Name), context.GetBoolean(OnePerHousehold.Name), context.Node.Id);
    }
}
