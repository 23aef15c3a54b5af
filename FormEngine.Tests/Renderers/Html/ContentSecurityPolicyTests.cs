using AngleSharp.Dom;
using FormEngine.Renderers;
using FormEngine.Renderers.Html;

namespace FormEngine.Tests.Renderers.Html;

/// <summary>
/// A council's Content-Security-Policy without <c>'unsafe-inline'</c> (<c>style-src 'self'</c>, scripts by nonce)
/// allows every page FormEngine writes: no <c>style</c> attribute, no event-handler attribute or
/// <c>javascript:</c> address, and every inline script (and, on a page given a nonce, every inline style) carries
/// the nonce. Checked on every approved render, of both themes in every mode, and on a page made with a nonce.
/// </summary>
public class ContentSecurityPolicyTests
{
    private static IEnumerable<TestCaseData> ApprovedRenders()
    {
        var root = TestTemplates.RepoRootForSources;
        var files = Directory.GetFiles(Path.Combine(root, "FormEngine.Tests"), "*.html", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(root, "examples"), "*.html", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains(".received.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(root, file);
            yield return new TestCaseData(relative).SetName($"No inline style or unsigned script in {relative}");
        }
    }

    [TestCaseSource(nameof(ApprovedRenders))]
    public void An_approved_render_has_no_inline_style_and_no_script_without_a_nonce(string file)
    {
        var html = File.ReadAllText(Path.Combine(TestTemplates.RepoRoot, file));
        Assert.That(Problems(html), Is.Empty);
    }

    [Test]
    public void The_approved_renders_cover_both_themes_in_every_mode()
    {
        var names = ApprovedRenders().Select(c => Path.GetFileName((string)c.Arguments[0]!)).ToList();
        foreach (var theme in HtmlRenderer.Themes)
        {
            foreach (var mode in new[] { "form", "record", "blank", "audit" })
            {
                Assert.That(names, Has.Some.StartsWith(mode).And.Contains(theme), $"an approved {mode} render in the {theme} theme");
            }
        }
    }

    [TestCase("plain")]
    [TestCase("govuk")]
    public void Every_inline_script_and_style_carries_the_nonce_it_was_given(string theme)
    {
        foreach (var mode in new[] { OutputMode.Form, OutputMode.Record, OutputMode.Blank, OutputMode.Audit })
        {
            var html = HtmlTestForms.Render(HtmlTestForms.Example(), new RenderOptions { Mode = mode, Theme = theme, Scripts = ["/js/govuk-frontend.min.js"], Nonce = "bm9uY2UtMQ", ProtectiveMarking = "OFFICIAL-SENSITIVE" });
            Assert.That(Problems(html), Is.Empty, $"{theme} {mode}");
            var document = MarkupStructure.ParseDocument(html);
            var inline = document.QuerySelectorAll("script:not([src]), style").ToList();
            Assert.That(inline, Is.Not.Empty);
            Assert.That(inline.Select(e => e.GetAttribute("nonce")), Is.All.EqualTo("bm9uY2UtMQ"));
        }
    }

    [Test]
    public void The_check_finds_a_style_attribute_an_unsigned_script_and_an_event_handler()
    {
        const string Page = """<html><head><script>alert(1)</script></head><body><p style="color: red" onclick="x()">x</p><a href="javascript:x()">y</a></body></html>""";
        Assert.That(Problems(Page), Has.Count.EqualTo(4));
    }

    /// <summary>What a policy without 'unsafe-inline' would block on the page.</summary>
    private static List<string> Problems(string html)
    {
        var document = MarkupStructure.ParseDocument(html);
        var problems = new List<string>();
        var nonces = document.QuerySelectorAll("[nonce]").Select(e => e.GetAttribute("nonce")).Distinct().ToList();
        foreach (var element in document.All)
        {
            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name == "style")
                {
                    problems.Add($"style attribute on <{element.LocalName}>: {attribute.Value}");
                }
                else if (attribute.Name.StartsWith("on", StringComparison.Ordinal))
                {
                    problems.Add($"event handler {attribute.Name} on <{element.LocalName}>");
                }
                else if (attribute.Name is "href" or "src" or "action" && attribute.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"javascript: address on <{element.LocalName}>");
                }
            }

            if (element.LocalName == "script" && !element.HasAttribute("src") && element.GetAttribute("nonce") is null)
            {
                problems.Add("inline script without a nonce: " + Shorten(element.TextContent));
            }

            if (element.LocalName == "style" && nonces.Count > 0 && element.GetAttribute("nonce") is null)
            {
                problems.Add("inline style without the page's nonce");
            }
        }

        if (nonces.Count > 1)
        {
            problems.Add("more than one nonce: " + string.Join(", ", nonces));
        }

        return problems;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text.Trim() : text.Trim()[..60] + "...";
}
