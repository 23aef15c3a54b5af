using Microsoft.Playwright;

namespace FormEngine.Benchmarks.Workloads;

/// <summary>
/// Debian's Chromium driven by Playwright, the usual way a .NET server makes a PDF from HTML. Playwright's
/// own browser download is not used: the system Chromium is launched by path.
/// </summary>
public static class Chromium
{
    public static string ExecutablePath { get; } = Environment.GetEnvironmentVariable("FORMENGINE_CHROMIUM") ?? "/usr/bin/chromium";

    public static bool IsAvailable => File.Exists(ExecutablePath);

    public static string MissingMessage =>
        $"Chromium was not found at {ExecutablePath}, so the Chromium PDF benchmarks are skipped. " +
        "Install it with `apt-get install -y chromium` (or set FORMENGINE_CHROMIUM to its path) to compare PDF rendering with a browser.";

    public static BrowserTypeLaunchOptions LaunchOptions { get; } = new()
    {
        ExecutablePath = ExecutablePath,
        Headless = true,
        Args =
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run",
        ],
    };

    public static PagePdfOptions PdfOptions { get; } = new() { Format = "A4", PrintBackground = true };

    /// <summary>Prints HTML to PDF in a new page of a running browser.</summary>
    public static async Task<int> PrintAsync(IBrowser browser, string html)
    {
        var page = await browser.NewPageAsync();
        try
        {
            await page.SetContentAsync(html);
            var pdf = await page.PdfAsync(PdfOptions);
            return pdf.Length;
        }
        finally
        {
            await page.CloseAsync();
        }
    }
}
