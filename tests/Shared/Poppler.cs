using System.Diagnostics;

namespace Deliberation.Testing;

/// <summary>
/// Debian's poppler-utils, as a person would read a printed PDF: <c>pdftoppm</c> renders a page to PNG and
/// <c>pdftotext</c> reads its text back. test.sh installs the package; a test that needs it fails, saying so, when it is missing.
/// </summary>
public static class Poppler
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <summary>Fails unless both tools are installed.</summary>
    /// <exception cref="InvalidOperationException">A tool is missing.</exception>
    public static void Require()
    {
        foreach (var tool in new[] { "pdftoppm", "pdftotext" })
            if (Find(tool) is null)
                throw new InvalidOperationException($"{tool} is not installed: the printed-PDF tests need Debian's poppler-utils (./test.sh installs it; or apt-get install poppler-utils).");
    }

    /// <summary>Renders one page (from 1) of the PDF to <paramref name="png"/> at <paramref name="dpi"/>.</summary>
    public static async Task RenderPageAsync(string pdf, int page, string png, int dpi = 150)
    {
        var prefix = Path.Combine(Path.GetDirectoryName(png)!, Path.GetFileNameWithoutExtension(png));
        await RunAsync("pdftoppm", "-png", "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-f", page.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-l", page.ToString(System.Globalization.CultureInfo.InvariantCulture), "-singlefile", pdf, prefix);
        if (!File.Exists(png)) throw new InvalidOperationException($"pdftoppm wrote no {png}.");
    }

    /// <summary>The PDF's text, a line of the page per line, as <c>pdftotext</c> extracts it (UTF-8).</summary>
    public static async Task<string> TextAsync(string pdf)
    {
        var output = Path.Combine(Path.GetTempPath(), $"pdftotext-{Guid.NewGuid():N}.txt");
        try
        {
            await RunAsync("pdftotext", "-enc", "UTF-8", pdf, output);
            return await File.ReadAllTextAsync(output);
        }
        finally
        {
            File.Delete(output);
        }
    }

    /// <summary>How many pages the PDF has (<c>pdfinfo</c>).</summary>
    public static async Task<int> PagesAsync(string pdf)
    {
        var info = await RunAsync("pdfinfo", pdf);
        var line = info.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal));
        return int.Parse(line["Pages:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string? Find(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(':').Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);

    private static async Task<string> RunAsync(string tool, params string[] arguments)
    {
        Require();
        var start = new ProcessStartInfo(Find(tool)!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Limit);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {await error}");
        return await output;
    }
}
