using BenchmarkDotNet.Attributes;
using FormEngine.Benchmarks.Workloads;
using Microsoft.Playwright;

namespace FormEngine.Benchmarks.Benchmarks;

/// <summary>
/// The record's PDF from FormEngine against headless Chromium printing FormEngine's own HTML of the same
/// record: warm (the browser is running; a new page per PDF) and cold (a browser launched per PDF).
/// Skipped, with a message, when Chromium is not installed.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Rendering", Categories.Chromium)]
public class PdfPeerBenchmarks
{
    private RecordFixture _record = null!;
    private readonly MemoryStream _output = new();
    private string _html = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    [GlobalSetup]
    public void Setup()
    {
        if (!Chromium.IsAvailable)
        {
            throw new InvalidOperationException(Chromium.MissingMessage);
        }

        _record = new RecordFixture();
        _html = _record.RenderHtmlText();
        _playwright = Playwright.CreateAsync().GetAwaiter().GetResult();
        _browser = _playwright.Chromium.LaunchAsync(Chromium.LaunchOptions).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _browser?.CloseAsync().GetAwaiter().GetResult();
        _playwright?.Dispose();
    }

    [Benchmark(Baseline = true)]
    public long FormEnginePdf() => _record.Render(_record.Pdf, _output);

    [Benchmark]
    public Task<int> ChromiumWarm() => Chromium.PrintAsync(_browser, _html);

    [Benchmark]
    public async Task<int> ChromiumCold()
    {
        var browser = await _playwright.Chromium.LaunchAsync(Chromium.LaunchOptions);
        try
        {
            return await Chromium.PrintAsync(browser, _html);
        }
        finally
        {
            await browser.CloseAsync();
        }
    }
}

/// <summary>Benchmark categories used to select or skip groups.</summary>
public static class Categories
{
    public const string Chromium = "Chromium";
}
