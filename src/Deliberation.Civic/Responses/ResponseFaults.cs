using Deliberation.Engine.Runtime;

namespace Deliberation.Civic.Responses;

/// <summary>
/// Why a matter could not be given to the ladder (<see cref="RespondWithinActivity"/>), in both languages: each becomes an
/// incident of the activity with its stable code, which staff read in their own language, correct, and retry. Nothing is
/// sent or recorded when one is raised.
/// </summary>
public static class ResponseFaults
{
#pragma warning disable CS1591 // each message says what it is about
    public static readonly FieldMessage DeadlineClass = new("respond-deadline-class",
        "Deadline class '{value}' is unknown: expected one of {classes}, or give a deadline.",
        "时限类别“{value}”无效，可选：{classes}；或直接填写处理时限。");
    public static readonly FieldMessage Deadline = new("respond-deadline",
        "The deadline {value} is out of range: from 1 minute to 90 days.", "处理时限 {value} 超出范围：应在 1 分钟到 90 天之间。");
    public static readonly FieldMessage Ladder = new("respond-ladder",
        "The ladder '{value}' is not valid: name levels among {levels}, each once, from the lowest up.",
        "升级层级“{value}”无效：请从 {levels} 中按从低到高的顺序选择，每级一次。");
    public static readonly FieldMessage Subject = new("respond-subject",
        "The matter needs a subject: one line of at most {max} characters.", "请填写事项：一行，最多 {max} 个字。");
    public static readonly FieldMessage PersonUnknown = new("respond-person-unknown",
        "Person {person} named for level '{level}' is not on this community's roster.", "为升级层级 {level} 指定的人员（{person}）不在本社区名册中。");
    public static readonly FieldMessage NoGridWorker = new("respond-no-grid-worker",
        "Nobody to ask at the grid level: mark a grid worker of the complaint's building or grid on the roster, or name one in the workflow.",
        "网格员层级没有可以接收任务的人员：请在名册中为问题所在楼栋或网格标记网格员，或在流程中指定网格员。");
    public static readonly FieldMessage NoCommunityContact = new("respond-no-community-contact",
        "Nobody to ask at the community level: mark the community lead on the roster, or name the community level's people in the workflow.",
        "社区层级没有可以接收任务的人员：请在名册中标记社区负责人，或在流程中指定社区层级的人员。");
    public static readonly FieldMessage NoStreetContact = new("respond-no-street-contact",
        "Nobody to tell at the street level: give the community's escalation contacts (the street office), or name the street level's people in the workflow.",
        "街道层级没有可以接收任务的人员：请在社区管理中填写升级联系人（街道办邮箱），或在流程中指定街道层级的人员。");
    public static readonly FieldMessage ComplaintUnknown = new("respond-complaint-unknown",
        "The complaint this step names is not in this community.", "本社区没有这条问题登记记录。");
    public static readonly FieldMessage CaseUnknown = new("respond-case-unknown",
        "The case this step names is not in this community.", "本社区没有这个议事案件。");
#pragma warning restore CS1591

    /// <summary>The fault of a level with nobody to ask.</summary>
    public static ActivityFaultException LevelEmpty(string level) => level switch
    {
        ResponseLevels.Grid => NoGridWorker.Fault(),
        ResponseLevels.Community => NoCommunityContact.Fault(),
        _ => NoStreetContact.Fault(),
    };

    /// <summary>The fault of an input problem, with the value and what is allowed.</summary>
    public static ActivityFaultException For(ResponseProblem problem, string value) => problem switch
    {
        ResponseProblem.DeadlineClassUnknown => DeadlineClass.Fault(("value", value), ("classes", string.Join(", ", DeadlineClasses.Codes))),
        ResponseProblem.DeadlineOutOfRange => Deadline.Fault(("value", value)),
        _ => Ladder.Fault(("value", value), ("levels", string.Join(", ", ResponseLevels.All))),
    };
}
