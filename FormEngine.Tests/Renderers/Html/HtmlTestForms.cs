using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using FormEngine.Evaluation;
using FormEngine.Renderers;
using FormEngine.Renderers.Html;
using FormEngine.Views;

namespace FormEngine.Tests.Renderers.Html;

/// <summary>Forms to render and a strict parser for what comes out.</summary>
internal static class HtmlTestForms
{
    public static FormView View(string answersJson = "{}", string yaml = TestTemplates.Assessment) =>
        FormViewBuilder.Build(TestTemplates.Open(answersJson, yaml));

    public static FormView Example(string answersFile = "toddler-disabled.json")
    {
        var folder = Path.Combine(TestTemplates.RepoRoot, "examples", "single-assessment");
        // Loaded from text with a relative display name, so rule locations in audit output do not depend on the checkout's path.
        var yaml = File.ReadAllText(Path.Combine(folder, "single-assessment.yaml"));
        var result = FormTemplate.LoadFromText(yaml, "examples/single-assessment/single-assessment.yaml", folder);
        var template = result.GetTemplateOrThrow();
        var answers = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "answers", answersFile)))!.AsObject();
        return FormViewBuilder.Build(FormSession.Open(template, answers, new SessionOptions { Today = TestTemplates.Today }));
    }

    public static string Render(FormView view, RenderOptions options, HtmlRenderer? renderer = null) =>
        (renderer ?? new HtmlRenderer()).RenderToString(view, options);

    /// <summary>
    /// Parses the output as XML: the renderer writes polyglot HTML (quoted attributes, closed void elements,
    /// only XML's own entities), so a strict XML parser reads it and any stray markup fails the test.
    /// </summary>
    public static XDocument Parse(string html)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore };
        using var reader = XmlReader.Create(new StringReader(html), settings);
        return XDocument.Load(reader);
    }

    public static IEnumerable<XElement> All(this XDocument document, string name) => document.Descendants(name);

    public static string? Attr(this XElement element, string name) => element.Attribute(name)?.Value;

    public static bool HasClass(this XElement element, string name) =>
        (element.Attr("class") ?? string.Empty).Split(' ').Contains(name);
}
