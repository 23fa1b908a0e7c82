using Deliberation.Engine.Runtime;

namespace Deliberation.Host.Api;

/// <summary>What can be wrong with what the API's own endpoints read (communities, accounts, instances, the outbox), in both languages.</summary>
public static class ApiFields
{
#pragma warning disable CS1591 // each message says what it is
    public static readonly FieldMessage CommunityCode = new("community-code",
        "Required: 1–40 lower-case letters, digits or hyphens, starting with a letter or digit.", "必填：1–40 个小写字母、数字或连字符，以字母或数字开头。");
    public static readonly FieldMessage PrecinctGiven = new("precinct-given", "Give precinctId or precinctName.", "请指定网格（precinctId 或 precinctName）。");
    public static readonly FieldMessage PrecinctUnknown = new("precinct-unknown", "The community has no such precinct.", "本社区没有这个网格。");
    public static readonly FieldMessage EmailsInvalid = new("emails-invalid", "Not valid email addresses: {addresses}.", "邮箱地址无效：{addresses}。");
    public static readonly FieldMessage EmailInvalid = new("email-invalid", "Not a valid email address, e.g. wang@example.com.", "邮箱地址无效，例如 wang@example.com。");
    public static readonly FieldMessage RosterNotForm = new("roster-not-form",
        "Send the roster as multipart/form-data in the field 'file'.", "请以 multipart/form-data 格式在 file 字段中上传名册。");
    public static readonly FieldMessage RosterNoFile = new("roster-no-file", "The form has no file.", "表单中没有文件。");
    public static readonly FieldMessage RoleUnknown = new("role-unknown", "Unknown role; use one of {roles}.", "未知的角色，请使用以下之一：{roles}。");
    public static readonly FieldMessage RolesRequired = new("roles-required", "At least one role is required.", "至少需要一个角色。");
    public static readonly FieldMessage RolesUnknown = new("roles-unknown", "Unknown roles: {roles}; use {known}.", "未知的角色：{roles}；可用的角色：{known}。");
    public static readonly FieldMessage CommunitiesUnknown = new("communities-unknown", "Some communities do not exist.", "有些社区不存在。");
    public static readonly FieldMessage NotYourCommunity = new("not-your-community", "Choose one of your communities.", "请选择您负责的社区之一。");
    public static readonly FieldMessage Duration = new("duration", "A duration such as 24h, 2d or PT12H.", "请输入时长，如 24h、2d 或 PT12H。");
    public static readonly FieldMessage PasswordTooShort = new("password-too-short",
        "At least {min} characters; a few words in a row are easy to remember and hard to guess.", "至少 {min} 个字符；几个词连在一起，好记又难猜。");
    public static readonly FieldMessage EmailTaken = new("email-taken", "Another account has this email.", "已有账号使用这个邮箱。");
    public static readonly FieldMessage AccountRefused = new("account-refused", "The account could not be saved: {text}", "账号未能保存：{text}");
    public static readonly FieldMessage InstanceStatus = new("instance-status", "Unknown status; use one of {statuses}.", "未知的状态，请使用以下之一：{statuses}。");
    public static readonly FieldMessage InputNotInCommunity = new("input-not-in-community",
        "Choose from this community's lists: this id is not of the community the workflow starts in.", "请从本社区的名单中选择：该编号不属于启动流程的社区。");
    public static readonly FieldMessage Month = new("month", "A month such as 2026-12.", "请填写月份，如 2026-12。");
#pragma warning restore CS1591
}
