using FormEngine.Evaluation;
using FormEngine.Renderers;
using FormEngine.Renderers.Html;
using FormEngine.Views;
using Microsoft.Playwright;

namespace FormEngine.BrowserTests;

/// <summary>
/// The binder is the inverse of the renderer, as a real browser submits: for every example template and its
/// example answers, in both themes, for every audience and (where the template splits the form into pages)
/// every page, Chromium loads the rendered form, the save button is clicked, and the body Chromium posts is
/// bound back: the answers are exactly those the form started from.
/// </summary>
[NonParallelizable]
public sealed class FormRoundTripBrowserTests : ChromiumTests
{
    private const string Origin = "http://formengine.test";
    private static readonly DateOnly Today = new(2026, 11, 26);


    [TestCaseSource(nameof(Cases))]
    public async Task Clicking_save_on_an_unchanged_form_gives_the_answers_it_started_from(string templateFile, string answersFile, string theme, string? audience, int? page)
    {
        var template = FormTemplate.Load(Path.Combine(TestFiles.RepositoryRoot, templateFile)).Template!;
        var answers = AnswersDocument.Load(Path.Combine(TestFiles.RepositoryRoot, answersFile)).Answers!;
        var session = FormSession.Open(template, answers, new FormSessionOptions { Today = Today });
        var before = session.ToJson().ToJsonString();
        var view = new ViewOptions { Audience = audience, Page = page };
        var options = new RenderOptions { Mode = OutputMode.Form, Theme = theme, FormAction = Origin + "/save" };
        var html = new HtmlRenderer().RenderToString(FormViewBuilder.Build(session, view), options);

        var body = await SubmitInChromium(html);

        Assert.That(FormPost.TryParseUrlEncoded(body, out var post, out var error), Is.True, error);
        var result = HtmlFormBinder.Bind(session, post!, view, options);
        Assert.That(result.Ignored, Is.Empty, "every field Chromium sent is one the binder reads");
        Assert.That(result.Problems, Is.Empty);
        Assert.That(result.Changed, Is.Empty);
        Assert.That(session.ToJson().ToJsonString(), Is.EqualTo(before));
    }

    /// <summary>Serves the page at a made-up address, clicks its last submit button, and returns the body Chromium posts.</summary>
    private async Task<string> SubmitInChromium(string html)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        try
        {
            var page = await context.NewPageAsync();
            var posted = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            await page.RouteAsync(Origin + "/**", async route =>
            {
                if (route.Request.Method == "POST")
                {
                    posted.TrySetResult(route.Request.PostData ?? string.Empty);
                    await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/plain", Body = "saved" });
                }
                else
                {
                    await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/html; charset=utf-8", Body = html });
                }
            });

            await page.GotoAsync(Origin + "/form");
            // The visible save button is the form's last; the first is a hidden default for the Enter key.
            await page.Locator("form button[type=submit]:not([name])").Last.ClickAsync();
            return await posted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    private static IEnumerable<TestCaseData> Cases()
    {
        var examples = TestFiles.Examples;
        foreach (var templatePath in Directory.GetFiles(examples, "*.yaml", SearchOption.AllDirectories)
                     .Where(p => !p.EndsWith(".scenarios.yaml", StringComparison.Ordinal) && Path.GetDirectoryName(Path.GetDirectoryName(p)) == examples)
                     .Order(StringComparer.Ordinal))
        {
            var folder = Path.GetDirectoryName(templatePath)!;
            var template = FormTemplate.Load(templatePath).Template!;
            IReadOnlyList<string?> audiences = template.Definition.Audiences.Count == 0 ? [null] : [.. template.Definition.Audiences];
            foreach (var answersPath in Directory.GetFiles(folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var answers = AnswersDocument.Load(answersPath).Answers!;
                foreach (var theme in HtmlRenderer.Themes)
                {
                    foreach (var audience in audiences)
                    {
                        var paging = FormViewBuilder.Build(FormSession.Open(template, answers, new FormSessionOptions { Today = Today }), new ViewOptions { Audience = audience }).Paging;
                        IEnumerable<int?> pages = paging is null ? [null] : Enumerable.Range(1, paging.CheckAnswersPage).Select(p => (int?)p);
                        foreach (var page in pages)
                        {
                            var templateFile = Path.GetRelativePath(TestFiles.RepositoryRoot, templatePath);
                            var answersFile = Path.GetRelativePath(TestFiles.RepositoryRoot, answersPath);
                            yield return new TestCaseData(templateFile, answersFile, theme, audience, page)
                                .SetName($"Chromium round trip {Path.GetFileName(answersFile)} ({Path.GetFileName(templateFile)}, {theme}, {audience ?? "no audience"}{(page is null ? string.Empty : $", page {page}")})");
                        }
                    }
                }
            }
        }
    }
}
