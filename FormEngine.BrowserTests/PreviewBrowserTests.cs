using System.Text.Json;
using FormEngine.Cli.Preview;
using Microsoft.Playwright;

namespace FormEngine.BrowserTests;

/// <summary>
/// The template preview in a real browser: answering reveals sections in place (and without JavaScript by
/// posting), a broken template shows its errors and recovers, and axe-core finds no serious or critical
/// accessibility problem.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class PreviewBrowserTests : ChromiumTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);
    private string _folder = string.Empty;
    private PreviewServer? _server;

    private string TemplatePath => Path.Combine(_folder, "single-assessment.yaml");

    [SetUp]
    public async Task StartPreview()
    {
        _folder = TestFiles.CopyExample("single-assessment");
        _server = await PreviewServer.StartAsync(TemplatePath, 0, Today);
    }

    [TearDown]
    public async Task StopPreview()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        TestFiles.DeleteQuietly(_folder);
    }

    [Test]
    public async Task Answering_yes_to_disability_shows_the_disability_section_in_place_and_announces_it()
    {
        await using var context = await Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(_server!.Address.ToString());
        await page.EvaluateAsync("() => { window.notReloaded = true; }");
        Assert.That(await page.Locator("#f-disability").CountAsync(), Is.Zero, "the section is hidden before the answer");

        await page.Locator("#f-child-has_disability").CheckAsync();
        await page.Locator("#f-disability").WaitForAsync();

        // The live region is emptied and then filled, so that a screen reader announces even a repeated message.
        await page.Locator("#fe-preview-status").Filter(new() { HasText = "is now shown" }).WaitForAsync();
        var notReloaded = await page.EvaluateAsync<bool>("() => window.notReloaded === true");
        var focused = await page.EvaluateAsync<string>("() => document.activeElement.id");
        var announced = await page.Locator("#fe-preview-status").TextContentAsync();
        var controls = await page.Locator("#f-child-has_disability").GetAttributeAsync("aria-controls");
        Assert.Multiple(() =>
        {
            Assert.That(notReloaded, Is.True, "updated in place, not by reloading the page");
            Assert.That(focused, Is.EqualTo("f-child-has_disability"), "focus stays on the answer given");
            Assert.That(announced, Is.EqualTo("The section ‘The child's disability’ is now shown."));
            Assert.That(controls, Is.EqualTo("f-disability"));
        });

        // Pictures for a person to look at: the preview's tools with the announcement, and the section that appeared.
        var folder = TestContext.CurrentContext.WorkDirectory;
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "preview-top.png") });
        await page.Locator("#f-disability").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(folder, "preview-disability-section.png") });
        TestContext.AddTestAttachment(Path.Combine(folder, "preview-top.png"), "The preview's tools after answering yes to disability");
        TestContext.AddTestAttachment(Path.Combine(folder, "preview-disability-section.png"), "The disability section that appeared");
    }

    [Test]
    public async Task Without_JavaScript_saving_the_answers_shows_the_disability_section()
    {
        await using var context = await Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync(_server!.Address.ToString());
        Assert.That(await page.Locator("#f-disability").CountAsync(), Is.Zero);

        await page.Locator("#f-child-has_disability").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = FormEngine.Views.Wording.For("en").Submit }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);

        Assert.That(await page.Locator("#f-disability").CountAsync(), Is.EqualTo(1));
        Assert.That(await page.Locator("#f-child-has_disability").IsCheckedAsync(), Is.True, "the answer is kept");
    }

    [Test]
    public async Task A_broken_template_shows_its_error_with_the_line_and_the_page_recovers_when_it_is_fixed()
    {
        await using var context = await Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(_server!.Address.ToString());
        var original = await File.ReadAllTextAsync(TemplatePath);
        const string Good = "show_if: child.has_disability = 'yes'";
        Assert.That(original, Does.Contain(Good));

        await File.WriteAllTextAsync(TemplatePath, original.Replace(Good, "show_if: child.has_disabilty = 'yes'", StringComparison.Ordinal));
        var errors = page.Locator(".fe-preview-errors");
        await errors.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
        var text = await errors.TextContentAsync();
        var forms = await page.Locator("main form").CountAsync();
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain($"single-assessment.yaml:{LineOf(original, Good)}:"), "file and line");
            Assert.That(text, Does.Contain("child.has_disabilty = 'yes'"), "the offending line");
            Assert.That(text, Does.Contain("has_disability"), "the suggested fix");
            Assert.That(forms, Is.EqualTo(1), "the last good version stays usable");
        });

        await File.WriteAllTextAsync(TemplatePath, original);
        await errors.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached, Timeout = 15_000 });
        Assert.That(await page.Locator("main form").CountAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task Why_link_shows_the_explain_trace_under_the_question()
    {
        await using var context = await Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(_server!.Address.ToString());
        await page.Locator("#f-child-has_disability").CheckAsync();
        await page.Locator("#f-disability").WaitForAsync();

        // The question's own link: its follow-up questions, nested under their options, have theirs.
        await page.Locator("#q-f-disability-types > .fe-preview-why a.fe-why").ClickAsync();
        var trace = page.Locator("#q-f-disability-types > .fe-preview-trace");
        await trace.WaitForAsync();
        Assert.That(await trace.TextContentAsync(), Does.Contain("disability.types is shown"));
    }

    [TestCase("plain", "form")]
    [TestCase("govuk", "form")]
    [TestCase("plain", "record")]
    [TestCase("plain", "audit")]
    public async Task Axe_finds_no_serious_or_critical_accessibility_problem(string theme, string mode)
    {
        // Bypassing the page's Content-Security-Policy lets the test inject axe-core; the page itself allows only its own scripts.
        await using var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BypassCSP = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync(_server!.Address.ToString());
        await page.Locator("#f-child-has_disability").CheckAsync();
        await page.Locator("#f-disability").WaitForAsync();
        await page.Locator("#f-disability-types-5").CheckAsync();
        await page.Locator("#fe-preview-status").Filter(new() { HasText = "shown" }).WaitForAsync();
        await page.SelectOptionAsync("#fe-preview-theme", theme);
        await page.SelectOptionAsync("#fe-preview-mode", mode);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);

        Assert.That(await SeriousViolations(page), Is.Empty);
    }

    [Test]
    public async Task Axe_finds_no_serious_or_critical_problem_in_the_error_panel()
    {
        await using var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BypassCSP = true });
        var page = await context.NewPageAsync();
        await File.AppendAllTextAsync(TemplatePath, "\nnot_a_key: 1\n");

        // Let the watcher's reload happen first: a reload while axe runs would replace the page under it.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!_server!.Template.Snapshot.HasErrors && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        await Task.Delay(500);
        await page.GotoAsync(_server.Address.ToString());
        await page.Locator(".fe-preview-errors").WaitForAsync();

        Assert.That(await SeriousViolations(page), Is.Empty);
    }

    private static async Task<List<string>> SeriousViolations(IPage page)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = BrowserEnvironment.AxePath });
        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => (await axe.run()).violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ') }))
            """);
        var all = violations.EnumerateArray().Select(v => (
            Impact: v.GetProperty("impact").GetString(),
            Text: $"{v.GetProperty("impact").GetString()} {v.GetProperty("id").GetString()}: {v.GetProperty("help").GetString()} at {v.GetProperty("targets").GetString()}")).ToList();
        foreach (var (_, text) in all)
        {
            TestContext.Out.WriteLine(text);
        }

        return [.. all.Where(v => v.Impact is "serious" or "critical").Select(v => v.Text)];
    }

    /// <summary>The 1-based line of a text in the template, so the test does not depend on the example's layout.</summary>
    private static int LineOf(string text, string part) => text[..text.IndexOf(part, StringComparison.Ordinal)].Count(c => c == '\n') + 1;
}
