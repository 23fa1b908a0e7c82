using System.Globalization;

namespace Deliberation.Civic.Roster;

/// <summary>The problems a roster can have, with their codes and their messages in both languages.</summary>
internal static class RosterProblems
{
    private static string? H(RosterColumn column) => RosterColumns.Header(column);

    private static string Area(decimal area) => area.ToString("0.##", CultureInfo.InvariantCulture);

    // The whole file.
    public static RosterProblem FileTooLarge(long bytes) => new(null, null, "file-too-large",
        $"文件过大（{bytes / 1024} KB），上限为 {RosterLimits.MaxFileBytes / 1024 / 1024} MB",
        $"The file is too large ({bytes / 1024} KB); the limit is {RosterLimits.MaxFileBytes / 1024 / 1024} MB");

    public static RosterProblem TooManyRows() => new(null, null, "too-many-rows",
        $"数据行超过 {RosterLimits.MaxRows} 行，请分批导入",
        $"The file has more than {RosterLimits.MaxRows} data rows; import it in parts");

    public static RosterProblem UnknownEncoding() => new(null, null, "unknown-encoding",
        "无法识别文件编码：请另存为 CSV(UTF-8 或 GBK)或 .xlsx",
        "The file's encoding is not recognised: save it as CSV (UTF-8 or GBK) or .xlsx");

    public static RosterProblem UnsupportedFormat() => new(null, null, "unsupported-format",
        "不支持旧版 .xls 文件：请另存为 .xlsx 或 CSV",
        "Old .xls workbooks are not supported: save it as .xlsx or CSV");

    public static RosterProblem UnreadableWorkbook() => new(null, null, "unreadable-file",
        "无法读取该 .xlsx 文件（文件损坏或没有工作表）",
        "The .xlsx file cannot be read (damaged, or no worksheet)");

    public static RosterProblem NoHeader() => new(null, null, "no-header",
        $"文件为空：第一行应为表头，例如 {RosterColumns.Describe()}",
        $"The file is empty: the first row must be the header, e.g. {RosterColumns.Describe(english: true)}");

    public static RosterProblem NoRows() => new(null, null, "no-rows",
        "文件只有表头，没有数据行", "The file has a header but no data rows");

    // The header.
    public static RosterProblem UnknownColumn(int line, string header) => new(line, header, "unknown-column",
        $"未知的列“{header}”。可用的列：{RosterColumns.Describe()}",
        $"Unknown column '{header}'. Known columns: {RosterColumns.Describe(english: true)}");

    public static RosterProblem DuplicateColumn(int line, string header, RosterColumn column) => new(line, header, "duplicate-column",
        $"列“{H(column)}”出现了两次", $"Column '{H(column)}' appears twice");

    public static RosterProblem MissingColumn(int line, RosterColumn column) => new(line, H(column), "missing-column",
        $"缺少必需的列“{H(column)}”", $"The required column '{H(column)}' ({RosterColumns.Alias(column)}) is missing");

    // A row's shape.
    public static RosterProblem MalformedQuotes(int line) => new(line, null, "malformed-csv",
        "引号不配对，本行及其后的内容无法正确分列", "Unbalanced quotes: this record and what follows cannot be split into fields");

    public static RosterProblem ValueWithoutHeader(int line, int position) => new(line, null, "value-without-column",
        $"第 {position} 列有内容但没有表头", $"Field {position} has a value but no header");

    // Values.
    public static RosterProblem NameRequired(int line) => new(line, H(RosterColumn.Name), "name-required",
        "姓名不能为空", "The name is required");

    public static RosterProblem NameTooLong(int line, int length) => new(line, H(RosterColumn.Name), "name-too-long",
        $"姓名过长（{length} 个字符），最多 {RosterLimits.MaxNameLength} 个字符",
        $"The name is too long ({length} characters); at most {RosterLimits.MaxNameLength}");

    public static RosterProblem NameInvalid(int line) => new(line, H(RosterColumn.Name), "name-invalid",
        "姓名含有换行或控制字符", "The name contains a line break or a control character");

    public static RosterProblem UnknownBuilding(int line, string building) => new(line, H(RosterColumn.Building), "unknown-building",
        $"社区中没有楼栋“{building}”（请先在系统中建立楼栋）",
        $"The community has no building group '{building}' (create it first)");

    public static RosterProblem AmbiguousBuilding(int line, string building, string compounds) => new(line, H(RosterColumn.Compound), "ambiguous-building",
        $"多个小区都有楼栋“{building}”（{compounds}），请在“小区”列写明是哪个小区的",
        $"Several compounds have a building '{building}' ({compounds}): say which in the compound column");

    public static RosterProblem EntranceTooLong(int line) => new(line, H(RosterColumn.Entrance), "entrance-too-long",
        $"单元最多 {RosterLimits.MaxEntranceLength} 个字", $"An entrance is at most {RosterLimits.MaxEntranceLength} characters");

    public static RosterProblem EntranceWithoutUnit(int line) => new(line, H(RosterColumn.Entrance), "entrance-without-unit",
        "填写了单元但没有房号", "An entrance is given without a unit");

    public static RosterProblem BuildingRequired(int line) => new(line, H(RosterColumn.Building), "building-required",
        "填写了房号但没有楼栋", "A unit is given without a building");

    public static RosterProblem UnknownPrecinct(int line, string precinct) => new(line, H(RosterColumn.Precinct), "unknown-precinct",
        $"社区中没有网格“{precinct}”", $"The community has no precinct '{precinct}'");

    public static RosterProblem PrecinctMismatch(int line, string precinct, string building, string actual) => new(line, H(RosterColumn.Precinct), "precinct-mismatch",
        $"楼栋“{building}”属于网格“{actual}”，不是“{precinct}”",
        $"Building group '{building}' belongs to precinct '{actual}', not '{precinct}'");

    public static RosterProblem UnitRequired(int line) => new(line, H(RosterColumn.Unit), "unit-required",
        "居民必须填写楼栋和房号（非居民请在角色中注明，如 律师）",
        "Residents need a building and a unit (for others give a role, e.g. 律师)");

    public static RosterProblem UnitTooLong(int line) => new(line, H(RosterColumn.Unit), "unit-too-long",
        $"房号过长，最多 {RosterLimits.MaxUnitLength} 个字符", $"The unit is too long; at most {RosterLimits.MaxUnitLength} characters");

    public static RosterProblem AreaRequired(int line) => new(line, H(RosterColumn.Area), "area-required",
        "填写了房号但没有建筑面积", "A unit is given without its floor area");

    public static RosterProblem AreaInvalid(int line, string value) => new(line, H(RosterColumn.Area), "area-invalid",
        $"建筑面积“{Clip(value)}”不是数字（例如 89.5 或 89.5㎡）", $"The floor area '{Clip(value)}' is not a number (e.g. 89.5 or 89.5㎡)");

    public static RosterProblem AreaOutOfRange(int line, string value) => new(line, H(RosterColumn.Area), "area-out-of-range",
        $"建筑面积“{Clip(value)}”应大于 0 且小于 {Area(RosterLimits.MaxFloorArea)} 平方米",
        $"The floor area '{Clip(value)}' must be above 0 and below {Area(RosterLimits.MaxFloorArea)} square metres");

    public static RosterProblem AreaWithoutUnit(int line) => new(line, H(RosterColumn.Area), "area-without-unit",
        "填写了建筑面积但没有房号", "A floor area is given without a unit");

    public static RosterProblem UnknownRole(int line, string role) => new(line, H(RosterColumn.Roles), "unknown-role",
        $"未知的角色“{Clip(role)}”。可用的角色：{string.Join("、", RoleNames.All.Select(r => r.Chinese))}",
        $"Unknown role '{Clip(role)}'. Known roles: {string.Join("、", RoleNames.All.Select(r => r.Chinese))}");

    public static RosterProblem EmailInvalid(int line, string value) => new(line, H(RosterColumn.Email), "email-invalid",
        $"邮箱“{Clip(value)}”格式不正确", $"The email address '{Clip(value)}' is malformed");

    public static RosterProblem PhoneInvalid(int line, string value) => new(line, H(RosterColumn.Phone), "phone-invalid",
        $"电话“{Clip(value)}”格式不正确：应为 {Communities.PhoneNumbers.MinDigits}–{Communities.PhoneNumbers.MaxDigits} 位数字，可带开头的 + 和分隔符 - 或空格",
        $"The phone number '{Clip(value)}' is malformed: {Communities.PhoneNumbers.MinDigits}–{Communities.PhoneNumbers.MaxDigits} digits, an optional leading +, separators - or space");

    public static RosterProblem RepresentativeInvalid(int line, string value) => new(line, H(RosterColumn.Representative), "representative-invalid",
        $"户代表“{Clip(value)}”应为 是 或 否", $"Representative '{Clip(value)}' must be 是/否 (yes/no)");

    public static RosterProblem RepresentativeWithoutHousehold(int line) => new(line, H(RosterColumn.Representative), "representative-without-household",
        "户代表必须填写楼栋和房号", "A household representative needs a building and a unit");

    // Across rows and against the database.
    public static RosterProblem DuplicateHousehold(int line, int earlier, string building, string unit, decimal area, decimal earlierArea) => new(line, H(RosterColumn.Area), "duplicate-household",
        $"{building} {unit} 已在第 {earlier} 行出现，建筑面积为 {Area(earlierArea)}，本行为 {Area(area)}",
        $"{building} {unit} is already on line {earlier} with a floor area of {Area(earlierArea)}, here {Area(area)}");

    public static RosterProblem DuplicateRepresentative(int line, int earlier, string building, string unit) => new(line, H(RosterColumn.Representative), "duplicate-representative",
        $"{building} {unit} 已有户代表（第 {earlier} 行），每户只能有一位", $"{building} {unit} already has a representative (line {earlier}); one per household");

    public static RosterProblem RepresentativeOnRoster(int line, string building, string unit, string name) => new(line, H(RosterColumn.Representative), "duplicate-representative",
        $"{building} {unit} 在名册中已有户代表 {name}，每户只能有一位", $"{building} {unit} already has a representative on the roster ({name}); one per household");

    public static RosterProblem DuplicatePerson(int line, int earlier, string name) => new(line, H(RosterColumn.Name), "duplicate-person",
        $"“{Clip(name)}”已在第 {earlier} 行出现（同一户或同一楼栋）", $"'{Clip(name)}' is already on line {earlier} (same household or building)");

    public static RosterProblem HouseholdConflict(int line, string building, string unit, decimal area, decimal existing) => new(line, H(RosterColumn.Area), "household-conflict",
        $"{building} {unit} 已在系统中，建筑面积为 {Area(existing)}，本行为 {Area(area)}",
        $"{building} {unit} is already recorded with a floor area of {Area(existing)}, here {Area(area)}");

    public static RosterProblem AlreadyOnRoster(int line, string name) => new(line, H(RosterColumn.Name), "already-on-roster",
        $"“{Clip(name)}”已在名册中（同一户或同一楼栋）", $"'{Clip(name)}' is already on the roster (same household or building)");

    /// <summary>Keeps quoted values short: the message is read in a list, and a 10,000-character value would drown it.</summary>
    private static string Clip(string value) => value.Length <= 40 ? value : string.Concat(value.AsSpan(0, 40), "…");
}
