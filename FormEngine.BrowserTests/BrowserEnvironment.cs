using Microsoft.Playwright;

namespace FormEngine.BrowserTests;

/// <summary>
/// Debian's Chromium, driven by Playwright, and axe-core for accessibility checks. When either is missing the
/// browser tests are skipped with a message saying how to install them, unless FORMENGINE_REQUIRE_BROWSER=1
/// (CI sets it), when a missing browser fails them: CI must never pass by skipping.
/// </summary>
internal static class BrowserEnvironment
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    public static bool Required => Environment.GetEnvironmentVariable("FORMENGINE_REQUIRE_BROWSER") == "1";

    /// <summary>axe-core's script, installed by .ci/browser-setup; FORMENGINE_AXE_PATH overrides where to look.</summary>
    public static string AxePath => Environment.GetEnvironmentVariable("FORMENGINE_AXE_PATH")
        ?? Path.Combine(TestFiles.RepositoryRoot, "FormEngine.BrowserTests", "node_modules", "axe-core", "axe.min.js");

    /// <summary>GOV.UK Frontend's built files (<c>govuk-frontend.min.css</c>, <c>.min.js</c>, fonts), installed by .ci/browser-setup.</summary>
    public static string GovukFrontendPath => Path.Combine(TestFiles.RepositoryRoot, "FormEngine.BrowserTests", "node_modules", "govuk-frontend", "dist", "govuk");

    /// <summary>Skips (or, when required, fails) the calling test if Chromium, axe-core or (with <paramref name="govukFrontend"/>) GOV.UK Frontend is missing.</summary>
    public static void RequireOrIgnore(bool govukFrontend = false)
    {
        var missing = new List<string>();
        if (govukFrontend && !File.Exists(Path.Combine(GovukFrontendPath, "govuk-frontend.min.js")))
        {
            missing.Add($"govuk-frontend ({GovukFrontendPath})");
        }

        if (!File.Exists(ChromiumPath))
        {
            missing.Add($"Chromium ({ChromiumPath})");
        }

        if (!File.Exists(AxePath))
        {
            missing.Add($"axe-core ({AxePath})");
        }

        if (missing.Count == 0)
        {
            return;
        }

        var message = $"Browser tests need {string.Join(" and ", missing)}: run .ci/browser-setup (or apt-get install chromium, and npm install --prefix FormEngine.BrowserTests axe-core@4.14.1 govuk-frontend@6.6.0).";
        if (Required)
        {
            Assert.Fail(message + " FORMENGINE_REQUIRE_BROWSER=1 is set, so a missing browser is a failure.");
        }

        Assert.Ignore(message);
    }

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
        return (playwright, browser);
    }
}
