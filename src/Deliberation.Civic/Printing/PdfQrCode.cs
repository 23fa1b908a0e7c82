using PdfSharp.Drawing;
using QRCoder;

namespace Deliberation.Civic.Printing;

/// <summary>Draws a QR code (QRCoder) as vector squares: sharp at any print size, and nothing to decode in the PDF.</summary>
public static class PdfQrCode
{
    /// <summary>Draws <paramref name="text"/> as a QR code (error correction M, with its quiet zone) filling the square at <paramref name="x"/>, <paramref name="y"/>.</summary>
    public static void Draw(XGraphics graphics, string text, double x, double y, double size)
    {
        ArgumentNullException.ThrowIfNull(graphics);
        ArgumentException.ThrowIfNullOrEmpty(text);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix;
        var cell = size / modules.Count;
        graphics.DrawRectangle(XBrushes.White, x, y, size, size);
        for (var row = 0; row < modules.Count; row++)
        {
            // A run of dark modules is one rectangle: fewer drawing operations, and no hairlines between them.
            var column = 0;
            while (column < modules.Count)
            {
                if (!modules[row][column]) { column++; continue; }
                var start = column;
                while (column < modules.Count && modules[row][column]) column++;
                graphics.DrawRectangle(XBrushes.Black, x + start * cell, y + row * cell, (column - start) * cell, cell);
            }
        }
    }
}
