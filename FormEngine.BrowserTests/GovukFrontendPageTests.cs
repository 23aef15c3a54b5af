using System.Text.Json;
using FormEngine.Evaluation;
using FormEngine.Renderers;
using FormEngine.Renderers.Html;
using FormEngine.Views;
using Microsoft.Playwright;

namespace FormEngine.BrowserTests;

/// <summary>
/// FormEngine's pages in Chromium as a council would serve them: GOV.UK Frontend's CSS and JS linked with
/// <c>RenderOptions.Stylesheets</c>/<c>Scripts</c>, under a Content-Security-Policy that allows inline script and
/// style by nonce only. Every mode of both themes: the policy blocks nothing, GOV.UK Frontend starts, and axe-core
/// finds no violation of WCAG 2.0, 2.1 and 2.2 A and AA.
/// </summary>
/// <remarks>The pages and GOV.UK Frontend's files are served from memory by Playwright's routing, on an address no request leaves the browser for.</remarks>
public sealed class GovukFrontendPageTests : ChromiumTests
{
    private const string Origin = "http://formengine.test";
    private const string Nonce = "dGVzdC1ub25jZQ";
    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    protected override bool NeedsGovukFrontend => true;

    private static IEnumerable<TestCaseData> Pages() =>
        from theme in HtmlRenderer.Themes
        from mode in new[] { OutputMode.Form, OutputMode.Record, OutputMode.Blank, OutputMode.Audit }
        select new TestCaseData(theme, mode);

    [TestCaseSource(nameof(Pages))]
    public async Task The_content_security_policy_blocks_nothing_and_gov_uk_frontend_starts(string theme, OutputMode mode)
    {
        await using var context = await Browser.NewContextAsync();
        var page = await Open(context, theme, mode);
        var blocked = await page.EvaluateAsync<string[]>("() => window.__blocked");
        Assert.That(blocked, Is.Empty, "what the Content-Security-Policy blocked");
        if (theme != "govuk")
        {
            return;
        }

        Assert.That(await page.EvaluateAsync<bool>("() => document.body.classList.contains('govuk-frontend-supported')"), Is.True);
        Assert.That(await page.EvaluateAsync<bool>("() => document.querySelector('[data-module=govuk-skip-link]').hasAttribute('data-govuk-skip-link-init')"), Is.True, "GOV.UK Frontend's components started");
        if (mode == OutputMode.Form)
        {
            // A follow-up hidden by GOV.UK Frontend's script is revealed when its option is chosen.
            var reveal = page.Locator("#conditional-f-parents_health-substance_misuse");
            Assert.That(await reveal.IsVisibleAsync(), Is.False);
            await page.Locator("#f-parents_health-substance_misuse").CheckAsync();
            Assert.That(await reveal.IsVisibleAsync(), Is.True);
            Assert.That(await page.Locator("#f-parents_health-substance_misuse").GetAttributeAsync("aria-expanded"), Is.EqualTo("true"));
        }
    }

    [TestCaseSource(nameof(Pages))]
    public async Task Axe_finds_no_wcag_a_or_aa_violation_with_gov_uk_frontend_loaded(string theme, OutputMode mode)
    {
        // axe-core is injected as an inline script, which the page's policy would rightly block.
        await using var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BypassCSP = true });
        var page = await Open(context, theme, mode);
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = BrowserEnvironment.AxePath });
        // Less the one finding GOV.UK Frontend makes on purpose (AxeFindings); any other still fails.
        var violations = await page.EvaluateAsync<JsonElement>($$"""
            async tags => ({{AxeFindings.WithoutGovukRadioExpanded}})((await axe.run(document, { runOnly: { type: 'tag', values: tags } })).violations)
                .map(v => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`)
            """, WcagTags);
        Assert.That(violations.EnumerateArray().Select(v => v.GetString()), Is.Empty);
        // The landmark rule is a best practice, not a WCAG criterion: checked on its own, for the protective marking.
        var region = await page.EvaluateAsync<int>("async () => (await axe.run(document, { runOnly: ['region'] })).violations.length");
        Assert.That(region, Is.Zero, "all content, the protective marking included, is inside a landmark");
    }

    private static async Task<IPage> Open(IBrowserContext context, string theme, OutputMode mode)
    {
        var html = Render(theme, mode);
        await context.RouteAsync(Origin + "/**", async route =>
        {
            var path = new Uri(route.Request.Url).AbsolutePath;
            if (path == "/page")
            {
                await route.FulfillAsync(new RouteFulfillOptions
                {
                    Status = 200,
                    ContentType = "text/html; charset=utf-8",
                    Body = html,
                    Headers = new Dictionary<string, string>
                    {
                        ["Content-Security-Policy"] = $"default-src 'self'; script-src 'self' 'nonce-{Nonce}'; style-src 'self' 'nonce-{Nonce}'; img-src 'self' data:; font-src 'self'; form-action 'self'",
                    },
                });
                return;
            }

            // /govuk/... is GOV.UK Frontend's dist/govuk folder; its stylesheet asks for /assets/fonts/... and /assets/images/...
            var relative = path.StartsWith("/govuk/", StringComparison.Ordinal) ? path["/govuk/".Length..] : path.TrimStart('/');
            var file = Path.GetFullPath(Path.Combine(BrowserEnvironment.GovukFrontendPath, relative));
            if (!file.StartsWith(BrowserEnvironment.GovukFrontendPath, StringComparison.Ordinal) || !File.Exists(file))
            {
                await route.FulfillAsync(new RouteFulfillOptions { Status = 404 });
                return;
            }

            await route.FulfillAsync(new RouteFulfillOptions { Status = 200, Path = file });
        });

        var page = await context.NewPageAsync();
        await page.AddInitScriptAsync("""
            window.__blocked = [];
            document.addEventListener('securitypolicyviolation', e => window.__blocked.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
            """);
        await page.GotoAsync(Origin + "/page", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        return page;
    }

    private static string Render(string theme, OutputMode mode)
    {
        var folder = Path.Combine(TestFiles.Examples, "single-assessment");
        var template = FormTemplate.Load(Path.Combine(folder, "single-assessment.yaml")).GetTemplateOrThrow();
        var answers = AnswersDocument.Load(Path.Combine(folder, "answers", "teenager-young-carer.json")).Answers!;
        var session = FormSession.Open(template, answers, new FormSessionOptions { Today = new DateOnly(2026, 11, 26) });
        return new HtmlRenderer().RenderToString(FormViewBuilder.Build(session), new RenderOptions
        {
            Mode = mode,
            Theme = theme,
            CaseReference = "CIN-2026-0042",
            ProtectiveMarking = "OFFICIAL-SENSITIVE",
            Stylesheets = ["/govuk/govuk-frontend.min.css"],
            Scripts = ["/govuk/govuk-frontend.min.js"],
            Nonce = Nonce,
        });
    }
}
