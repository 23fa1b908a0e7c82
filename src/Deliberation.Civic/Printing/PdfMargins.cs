namespace Deliberation.Civic.Printing;

/// <summary>A page's margins in points (1/72 inch).</summary>
/// <param name="Left">Left margin.</param>
/// <param name="Right">Right margin.</param>
/// <param name="Top">Top margin.</param>
/// <param name="Bottom">Bottom margin (the footer sits in its middle).</param>
public sealed record PdfMargins(double Left, double Right, double Top, double Bottom);
