using Deliberation.Engine.Runtime;

namespace Deliberation.Host.Auth;

/// <summary>
/// Why a password is easy to guess and what would help, in both languages: the first is always <see cref="Weak"/>, then
/// what zxcvbn found (one warning) and what to do instead (suggestions). <see cref="PasswordStrength"/> chooses them.
/// </summary>
public static class PasswordFields
{
#pragma warning disable CS1591 // each message says what it is
    public static readonly FieldMessage Weak = new("password-weak",
        "This password is too easy to guess; choose another.", "这个密码太容易被猜到，请换一个。");

    // Warnings: what zxcvbn recognised in the password.
    public static readonly FieldMessage Common = new("password-common",
        "This is a common password, easy to guess.", "这是常见密码，很容易被猜到。");
    public static readonly FieldMessage LikeCommon = new("password-like-common",
        "This is much like a common password.", "这和常见密码很相似，很容易被猜到。");
    public static readonly FieldMessage SingleWord = new("password-single-word",
        "A word on its own is easy to guess.", "单独一个词很容易被猜到。");
    public static readonly FieldMessage Names = new("password-names",
        "Names and surnames are easy to guess.", "人名和姓氏（包括拼音）很容易被猜到。");
    public static readonly FieldMessage Personal = new("password-personal",
        "It contains the account's name or email address.", "密码里有账号的姓名或邮箱，别人很容易猜到。");
    public static readonly FieldMessage KeyboardRow = new("password-keyboard-row",
        "A row of keys (such as qwerty) is easy to guess.", "键盘上连成一排的按键（如 qwerty）很容易被猜到。");
    public static readonly FieldMessage KeyboardPattern = new("password-keyboard-pattern",
        "Short keyboard patterns are easy to guess.", "简短的键盘图案（如 1qaz2wsx）很容易被猜到。");
    public static readonly FieldMessage RepeatedCharacter = new("password-repeated-character",
        "Repeats like aaa are easy to guess.", "像 aaa 这样重复同一个字符很容易被猜到。");
    public static readonly FieldMessage Sequence = new("password-sequence",
        "Sequences like abc or 6543 are easy to guess.", "像 abc 或 6543 这样按顺序排列的字符很容易被猜到。");
    public static readonly FieldMessage Year = new("password-year",
        "Recent years are easy to guess.", "近些年的年份很容易被猜到。");
    public static readonly FieldMessage Date = new("password-date",
        "Dates are often easy to guess.", "日期往往很容易被猜到。");

    // Suggestions: what makes it stronger.
    public static readonly FieldMessage AddWords = new("password-add-words",
        "Make it longer: add a few uncommon words.", "请加长密码，多用几个不常见的词。");
    public static readonly FieldMessage AvoidPersonal = new("password-avoid-personal",
        "Leave out your name, email address and other things people know about you.", "不要用自己的姓名、邮箱等别人知道的信息。");
    public static readonly FieldMessage Capitals = new("password-capitals",
        "Capital letters hardly help.", "把字母改成大写帮助不大。");
    public static readonly FieldMessage Substitutions = new("password-substitutions",
        "Predictable substitutions such as @ for a hardly help.", "用 @ 代替 a、0 代替 o 这类常见替换帮助不大。");
    public static readonly FieldMessage AvoidRepeats = new("password-avoid-repeats",
        "Avoid repeated words and characters.", "避免重复的词和字符。");
    public static readonly FieldMessage AvoidSequences = new("password-avoid-sequences",
        "Avoid sequences.", "避免按顺序排列的字母或数字。");
    public static readonly FieldMessage AvoidKeyboard = new("password-avoid-keyboard",
        "Avoid patterns on the keyboard.", "避免键盘上的图案。");
    public static readonly FieldMessage AvoidDates = new("password-avoid-dates",
        "Avoid years and dates that are associated with you.", "避免与自己有关的年份和日期（如生日）。");
#pragma warning restore CS1591
}
