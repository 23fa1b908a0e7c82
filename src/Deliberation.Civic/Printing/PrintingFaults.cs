using Deliberation.Engine.Runtime;

namespace Deliberation.Civic.Printing;

/// <summary>Why a document could not be printed, in both languages (an incident of the step that prints it).</summary>
public static class PrintingFaults
{
#pragma warning disable CS1591 // each message says what it is about
    public static readonly FieldMessage NoChineseFont = new("print-no-chinese-font",
        "No Chinese font to print with: install Debian's fonts-wqy-zenhei (apt-get install fonts-wqy-zenhei), or name a CJK font file in {setting}, then retry.",
        "没有可用于打印的中文字体：请安装 fonts-wqy-zenhei（apt-get install fonts-wqy-zenhei），或在 {setting} 中指定中文字体文件，然后重试。");
#pragma warning restore CS1591
}
