using System.Text.Json.Nodes;
using FormEngine.Evaluation;
using FormEngine.Renderers;
using FormEngine.Renderers.Html;
using FormEngine.Views;

namespace FormEngine.Tests.Renderers.Html;

/// <summary>
/// The binder is the inverse of the renderer: for every example template and its example answers, in both
/// themes and for every audience, rendering the form and submitting it unchanged (what a browser would send,
/// read from the HTML) gives exactly the answers it started from.
/// </summary>
public class RoundTripTests
{
    [TestCaseSource(nameof(Cases))]
    public void An_unchanged_submit_gives_the_answers_it_started_from(string templateFile, string answersFile, string theme, string? audience)
    {
        var template = FormTemplate.Load(Path.Combine(TestTemplates.RepoRoot, templateFile)).Template!;
        var answers = AnswersDocument.Load(Path.Combine(TestTemplates.RepoRoot, answersFile)).Answers!;
        var session = FormSession.Open(template, answers, new FormSessionOptions { Today = TestTemplates.Today });
        var before = session.ToJson();
        var view = new ViewOptions { Audience = audience };
        var options = new RenderOptions { Mode = OutputMode.Form, Theme = theme };
        var html = new HtmlRenderer().RenderToString(FormViewBuilder.Build(session, view), options);

        var body = BrowserSubmission.Body(html);
        Assert.That(FormPost.TryParseUrlEncoded(body, out var post, out var error), Is.True, error);
        Assert.That(post!.Names, Is.Not.Empty, "the form has fields to submit");
        var result = HtmlFormBinder.Bind(session, post, view, options);

        Assert.That(result.Ignored, Is.Empty, "every field the renderer writes is one the binder reads");
        Assert.That(result.Problems, Is.Empty);
        Assert.That(result.Changed, Is.Empty);
        Assert.That(session.ToJson().ToJsonString(), Is.EqualTo(before.ToJsonString()));
    }

    private static IEnumerable<TestCaseData> Cases()
    {
        var root = TestTemplates.RepoRootForSources;
        foreach (var templatePath in Directory.GetFiles(Path.Combine(root, "examples"), "*.yaml", SearchOption.AllDirectories)
                     .Where(p => !p.EndsWith(".scenarios.yaml", StringComparison.Ordinal) && Path.GetDirectoryName(Path.GetDirectoryName(p)) == Path.Combine(root, "examples"))
                     .Order(StringComparer.Ordinal))
        {
            var folder = Path.GetDirectoryName(templatePath)!;
            var answersFiles = Directory.GetFiles(folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
            Assert.That(answersFiles, Is.Not.Empty, $"{templatePath} has example answers");
            var template = FormTemplate.Load(templatePath).Template!;
            IReadOnlyList<string?> audiences = template.Definition.Audiences.Count == 0 ? [null] : [.. template.Definition.Audiences];
            foreach (var answersPath in answersFiles)
            {
                foreach (var theme in HtmlRenderer.Themes)
                {
                    foreach (var audience in audiences)
                    {
                        var templateFile = Path.GetRelativePath(root, templatePath);
                        var answersFile = Path.GetRelativePath(root, answersPath);
                        yield return new TestCaseData(templateFile, answersFile, theme, audience)
                            .SetName($"Round trip {Path.GetFileName(answersFile)} ({Path.GetFileName(templateFile)}, {theme}, {audience ?? "no audience"})");
                    }
                }
            }
        }
    }
}
