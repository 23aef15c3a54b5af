using FormEngine.Renderers;
using FormEngine.Renderers.Html;

namespace FormEngine.Tests.Renderers.Html;

/// <summary>
/// A render of the built-in templates takes shortcuts a host's templates never do (Scriban contexts kept for the
/// next element, includes written in place, a child's model made once). Copies of the built-in templates in a
/// host's folder go the long way; both must give the same bytes.
/// </summary>
public class HtmlTemplateFolderTests
{
    private const string ResourcePrefix = "FormEngine.Renderers.Html.Templates.";

    [TestCase(OutputMode.Record, "plain")]
    [TestCase(OutputMode.Record, "govuk")]
    [TestCase(OutputMode.Form, "plain")]
    [TestCase(OutputMode.Form, "govuk")]
    [TestCase(OutputMode.Blank, "plain")]
    [TestCase(OutputMode.Blank, "govuk")]
    [TestCase(OutputMode.Audit, "plain")]
    [TestCase(OutputMode.Audit, "govuk")]
    public void Copies_of_the_built_in_templates_in_a_host_folder_render_the_same_bytes(OutputMode mode, string theme)
    {
        var options = new RenderOptions { Mode = mode, Theme = theme, ShowErrors = true, CaseReference = "CIN-204117", FormAction = "/assessments/204117" };
        var view = HtmlTestForms.Example();
        var folder = CopyOfBuiltInTemplates(theme);
        try
        {
            var builtIn = HtmlTestForms.Render(view, options);
            var copied = HtmlTestForms.Render(view, options with { TemplateFolder = folder });

            Assert.That(copied, Is.EqualTo(builtIn));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Copies_of_the_built_in_templates_render_a_bilingual_record_side_by_side_the_same()
    {
        var options = new RenderOptions { Mode = OutputMode.Record, SecondLanguage = HtmlTestForms.BilingualView("en") };
        var view = HtmlTestForms.BilingualView("cy");
        var folder = CopyOfBuiltInTemplates("plain");
        try
        {
            Assert.That(HtmlTestForms.Render(view, options with { TemplateFolder = folder }), Is.EqualTo(HtmlTestForms.Render(view, options)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void The_same_renderer_renders_the_same_record_twice_byte_for_byte()
    {
        var renderer = new HtmlRenderer();
        var options = new RenderOptions { Mode = OutputMode.Record };
        var view = HtmlTestForms.Example();

        Assert.That(HtmlTestForms.Render(view, options, renderer), Is.EqualTo(HtmlTestForms.Render(view, options, renderer)));
    }

    // The plain theme's files, then (for govuk) the theme's own over them: what the renderer would find for each name.
    private static string CopyOfBuiltInTemplates(string theme)
    {
        var folder = Path.Combine(Path.GetTempPath(), "formengine-html-copy-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var names = typeof(HtmlRenderer).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..].Replace('\\', '/'))
            .ToList();
        foreach (var source in theme == "plain" ? ["plain"] : new[] { "plain", theme })
        {
            foreach (var name in names.Where(n => n.StartsWith(source + "/", StringComparison.Ordinal)).Select(n => n[(source.Length + 1)..]))
            {
                File.WriteAllText(Path.Combine(folder, name), HtmlTemplates.ReadResource(source, name));
            }
        }

        Assert.That(Directory.GetFiles(folder, "*.sbn"), Has.Length.GreaterThan(20), "the built-in templates were not found");
        return folder;
    }
}
