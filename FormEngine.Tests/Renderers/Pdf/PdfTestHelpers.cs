using System.Text.Json.Nodes;
using FormEngine.Evaluation;
using FormEngine.Renderers;
using FormEngine.Renderers.Pdf;
using FormEngine.Views;
using UglyToad.PdfPig;

namespace FormEngine.Tests.Renderers.Pdf;

/// <summary>Renders forms to PDF bytes and reads them back with PdfPig.</summary>
internal static class PdfTestHelpers
{
    public static FormView View(string answersJson = "{}", string yaml = TestTemplates.Assessment, string? previousJson = null) =>
        FormViewBuilder.Build(TestTemplates.Open(answersJson, yaml, previousJson));

    public static FormView Example(string answersFile = "toddler-disabled.json", string? previousFile = null)
    {
        var folder = Path.Combine(TestTemplates.RepoRoot, "examples", "single-assessment");
        var template = FormTemplate.Load(Path.Combine(folder, "single-assessment.yaml")).GetTemplateOrThrow();
        var answers = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "answers", answersFile)))!.AsObject();
        var previous = previousFile is null ? null : JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "answers", previousFile)))!.AsObject();
        var session = FormSession.Open(template, answers, new FormSessionOptions { Today = TestTemplates.Today, PreviousAnswers = previous });
        return FormViewBuilder.Build(session);
    }

    public static byte[] Render(FormView view, RenderOptions? options = null, PdfRenderer? renderer = null)
    {
        using var output = new MemoryStream();
        (renderer ?? new PdfRenderer()).Render(view, options ?? new RenderOptions(), output);
        return output.ToArray();
    }

    /// <summary>The text of every page, words joined by single spaces.</summary>
    public static IReadOnlyList<string> PageTexts(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().Select(page => string.Join(' ', page.GetWords().Select(w => w.Text)))];
    }

    public static string AllText(byte[] pdf) => string.Join(' ', PageTexts(pdf));

    /// <summary>Collapses whitespace so expected text can be found whatever the line breaks.</summary>
    public static string Words(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
