using Deliberation.Engine.Runtime;

namespace Deliberation.Civic.Organisations;

/// <summary>Why an organisation of the directory was refused, in both languages.</summary>
public static class OrganisationFields
{
#pragma warning disable CS1591 // each message says what it is about
    public static readonly FieldMessage Kind = new("organisation-kind", "Expected one of: {kinds}.", "类别应为以下之一：{kinds}。");
    public static readonly FieldMessage NameTaken = new("organisation-name-taken",
        "The community already has an organisation of this name.", "本社区已有同名的组织。");
    public static readonly FieldMessage Representative = new("organisation-representative",
        "Mark exactly one contact as the representative.", "请在联系人中指定一位（且只能一位）代表。");
    public static readonly FieldMessage TooManyContacts = new("organisation-contacts-too-many", "At most {max} contacts.", "最多 {max} 位联系人。");
    public static readonly FieldMessage Phone = new("organisation-phone",
        "A phone number of {min}–{max} digits, e.g. 138-1234-5678.", "电话号码应为 {min}–{max} 位数字，例如 138-1234-5678。");
    public static readonly FieldMessage Email = new("organisation-email", "Not a valid email address, e.g. wang@example.com.", "邮箱地址无效，例如 wang@example.com。");
    public static readonly FieldMessage NoRepresentative = new("organisation-no-representative",
        "The organisation has no representative; add its contacts first.", "该组织还没有代表，请先在组织名录中添加联系人。");
    public static readonly FieldMessage RepresentativeNotOnRoster = new("organisation-representative-not-on-roster",
        "The organisation's representative is not linked to a person of the roster.", "该组织的代表尚未关联居民名册中的人员。");
    public static readonly FieldMessage Unknown = new("organisation-unknown",
        "No such organisation in this community's directory.", "本社区的组织名录中没有这个组织。");
#pragma warning restore CS1591
}
