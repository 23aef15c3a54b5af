using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace FormEngine.BrowserTests;

/// <summary>
/// The embedding sample in Chromium: each demo user signs in through the page and saves the form, the parent never
/// sees a canary placed in a third-party answer, a stale save is not made and keeps what was typed, a post stripped
/// of its antiforgery token is refused, and axe-core finds no serious or critical problem on the sample's pages.
/// </summary>
[TestFixture]
public sealed class EmbeddingSampleBrowserTests : ChromiumTests
{
    private const string Canary = "CANARY-b41e-third-party";

    private string _data = null!;
    private RunningSample _sample = null!;
    private HttpClient _api = null!;

    [SetUp]
    public async Task StartSample()
    {
        _data = Path.Combine(Path.GetTempPath(), "formengine-tests", Guid.NewGuid().ToString("N"));
        _sample = await RunningSample.StartAsync(Path.Combine(_data, "records.db"));
        _api = _sample.Api("practitioner", "practitioner-demo");
    }

    [TearDown]
    public async Task StopSample()
    {
        _api.Dispose();
        await _sample.DisposeAsync();
        TestFiles.DeleteQuietly(_data);
    }

    [Test]
    public async Task The_practitioner_signs_in_and_saves_and_the_parent_signs_in_without_seeing_the_canary_and_saves_their_part()
    {
        var id = await CaseWithCanaryAsync();
        await using var practitioner = await Browser.NewContextAsync();
        var page = await SignInAsync(practitioner, "practitioner", "practitioner-demo");
        await page.GotoAsync(new Uri(_sample.Address, $"/cases/{id}").ToString());
        Assert.That(await page.ContentAsync(), Does.Contain(Canary), "the practitioner sees the whole record");
        await page.Locator("[name='child.name']").FillAsync("Ffion Jones");
        await SaveAsync(page);
        await page.GetByText("Saved.").WaitForAsync();

        await using var parent = await Browser.NewContextAsync();
        page = await SignInAsync(parent, "parent", "parent-demo");
        await page.GotoAsync(new Uri(_sample.Address, $"/cases/{id}").ToString());
        Assert.That(await page.Locator("[name='child.name']").InputValueAsync(), Is.EqualTo("Ffion Jones"));
        Assert.That(await page.ContentAsync(), Does.Not.Contain(Canary).And.Contain("Information withheld"), "the third-party answer is withheld, its question marked as such");
        await page.Locator("[name='child.name']").FillAsync("Ffion Rhiannon Jones");
        await SaveAsync(page);
        await page.GetByText("Saved.").WaitForAsync();
        await page.GotoAsync(new Uri(_sample.Address, $"/cases/{id}/history").ToString());
        Assert.That(await page.ContentAsync(), Does.Not.Contain(Canary).And.Not.Contain("parents_health").And.Contain("Saved by parent"));

        var record = JsonNode.Parse(await _api.GetStringAsync($"/api/cases/{id}"))!;
        Assert.That(record["child"]!["name"]!.GetValue<string>(), Is.EqualTo("Ffion Rhiannon Jones"));
        Assert.That(record["parents_health"]!["mental_health_details"]!.GetValue<string>(), Is.EqualTo(Canary), "the parent's save left the withheld answer as it was");
    }

    [Test]
    public async Task The_form_is_styled_and_started_by_GOV_UK_Frontend_served_by_the_sample_under_its_own_policy()
    {
        if (!File.Exists(Path.Combine(TestFiles.Examples, "EmbeddingSample", "wwwroot", "govuk-frontend", "govuk-frontend.min.css")))
        {
            const string Missing = "The embedding sample's build installs GOV.UK Frontend with npm; npm was not available when it was built.";
            if (BrowserEnvironment.Required)
            {
                Assert.Fail(Missing);
            }

            Assert.Ignore(Missing);
        }

        var id = await CaseWithCanaryAsync();
        await using var context = await Browser.NewContextAsync();
        var page = await SignInAsync(context, "practitioner", "practitioner-demo");
        var blocked = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                blocked.Add(message.Text);
            }
        };
        await page.GotoAsync(new Uri(_sample.Address, $"/cases/{id}").ToString());

        // GOV.UK Frontend's button green, and the class its script adds once it has started.
        Assert.That(await page.Locator(".govuk-button").Last.EvaluateAsync<string>("b => getComputedStyle(b).backgroundColor"), Is.EqualTo("rgb(15, 122, 82)"), "GOV.UK Frontend 6's button green");
        await page.WaitForFunctionAsync("document.body.classList.contains('govuk-frontend-supported')");
        Assert.That(blocked, Is.Empty, "the sample's Content-Security-Policy blocks nothing on its own page");
    }

    [Test]
    public async Task A_stale_save_is_not_made_and_the_page_keeps_what_was_typed()
    {
        var id = await CaseWithCanaryAsync();
        await using var context = await Browser.NewContextAsync();
        var page = await SignInAsync(context, "practitioner", "practitioner-demo");
        await page.GotoAsync(new Uri(_sample.Address, $"/cases/{id}").ToString());
        await page.Locator("[name='parenting.stability']").FillAsync("Ffi");

        var other = await CaseApiTests.PutAsync(_api, id, "\"1\"", $$$"""{"child": {"name": "Ffion Jones"}, "parents_health": {"mental_health": "yes", "mental_health_details": "{{{Canary}}}"}}""");
        Assert.That(other.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK));

        await SaveAsync(page);
        await page.Locator("#stale").WaitForAsync();
        Assert.That(await page.Locator("#stale").InnerTextAsync(), Does.Contain("child.name"));
        Assert.That(await page.Locator("[name='parenting.stability']").InputValueAsync(), Is.EqualTo("Ffi"), "what the user typed is kept");
        Assert.That(await page.Locator("[name='child.name']").InputValueAsync(), Is.EqualTo("Ffion Jones"), "the other writer's answer is shown");
        Assert.That(await _api.GetStringAsync($"/api/cases/{id}"), Does.Not.Contain("Ffi\""), "nothing of the stale save was made");

        await SaveAsync(page);
        await page.GetByText("Saved.").WaitForAsync();
        Assert.That(await _api.GetStringAsync($"/api/cases/{id}"), Does.Contain("\"stability\":\"Ffi\"").And.Contain("Ffion Jones"));
    }

    [Test]
    public async Task A_post_stripped_of_its_antiforgery_token_is_refused()
    {
        var id = await CaseWithCanaryAsync();
        await using var context = await Browser.NewContextAsync();
        var page = await SignInAsync(context, "practitioner", "practitioner-demo");
        await page.GotoAsync(new Uri(_sample.Address, $"/cases/{id}").ToString());
        await page.Locator("[name='child.name']").FillAsync("Forged");
        await page.EvaluateAsync("() => document.querySelectorAll('main form input[name=__RequestVerificationToken]').forEach(e => e.remove())");
        var response = await page.RunAndWaitForResponseAsync(() => SaveAsync(page), r => r.Request.Method == "POST");
        Assert.That(response.Status, Is.EqualTo(400));
        Assert.That(await _api.GetStringAsync($"/api/cases/{id}"), Does.Not.Contain("Forged"));
    }

    [Test]
    public async Task Axe_finds_no_serious_or_critical_problem_on_the_sample_pages()
    {
        var id = await CaseWithCanaryAsync();
        // Bypassing the page's Content-Security-Policy lets the test inject axe-core; the page itself allows only its own scripts.
        await using var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BypassCSP = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(_sample.Address, "/sign-in").ToString());
        var problems = await SeriousViolations(page, "sign-in");
        await page.Locator("#username").FillAsync("practitioner");
        await page.Locator("#password").FillAsync("practitioner-demo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(new Uri(_sample.Address, "/").ToString());
        problems.AddRange(await SeriousViolations(page, "case list"));
        foreach (var path in new[] { $"/cases/{id}", $"/cases/{id}/history" })
        {
            await page.GotoAsync(new Uri(_sample.Address, path).ToString());
            problems.AddRange(await SeriousViolations(page, path));
        }

        Assert.That(problems, Is.Empty);
    }

    private async Task<string> CaseWithCanaryAsync()
    {
        var id = await CaseApiTests.CreateAsync(_api);
        var put = await CaseApiTests.PutAsync(_api, id, "\"0\"", $$$"""{"child": {"name": "Ffion"}, "parents_health": {"mental_health": "yes", "mental_health_details": "{{{Canary}}}"}}""");
        Assert.That(put.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK));
        return id;
    }

    private async Task<IPage> SignInAsync(IBrowserContext context, string user, string password)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(_sample.Address, "/").ToString());
        Assert.That(page.Url, Does.Contain("/sign-in"), "the case list needs sign-in");
        await page.Locator("#username").FillAsync(user);
        await page.Locator("#password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByText($"Signed in as {user}").WaitForAsync();
        return page;
    }

    private static Task SaveAsync(IPage page) =>
        page.GetByRole(AriaRole.Button, new() { Name = "Save and continue", Exact = true }).ClickAsync();

    private static async Task<List<string>> SeriousViolations(IPage page, string where)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = BrowserEnvironment.AxePath });
        // The sample's form runs GOV.UK Frontend's script, so its one deliberate finding is set aside (AxeFindings).
        var violations = await page.EvaluateAsync<JsonElement>($$"""
            async () => ({{AxeFindings.WithoutGovukRadioExpanded}})((await axe.run()).violations).map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ') }))
            """);
        return [.. violations.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{where}: {v.GetProperty("impact").GetString()} {v.GetProperty("id").GetString()}: {v.GetProperty("help").GetString()} at {v.GetProperty("targets").GetString()}")];
    }
}
