using Microsoft.Playwright;

namespace FormEngine.BrowserTests;

/// <summary>
/// A fixture that drives Chromium: the browser is started once for the fixture (or the fixture is skipped, or
/// failed under FORMENGINE_REQUIRE_BROWSER=1, when it is missing) and closed after its last test.
/// </summary>
public abstract class ChromiumTests
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The running browser; each test opens its own context in it.</summary>
    protected IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium is not running.");

    /// <summary>True when the fixture also needs GOV.UK Frontend's files.</summary>
    protected virtual bool NeedsGovukFrontend => false;

    [OneTimeSetUp]
    public async Task StartBrowser()
    {
        BrowserEnvironment.RequireOrIgnore(govukFrontend: NeedsGovukFrontend);
        (_playwright, _browser) = await BrowserEnvironment.LaunchAsync();
    }

    [OneTimeTearDown]
    public async Task StopBrowser()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}
