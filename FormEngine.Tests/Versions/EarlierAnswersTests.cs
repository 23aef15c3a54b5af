using System.Text;
using System.Text.Json.Nodes;
using FormEngine.Evaluation;
using FormEngine.Renderers;
using FormEngine.Renderers.Html;
using FormEngine.Renderers.Pdf;
using FormEngine.Renderers.Text;
using FormEngine.Tests.Renderers.Pdf;
using FormEngine.Views;

namespace FormEngine.Tests.Versions;

/// <summary>Answers archived by a migration are kept with the record and shown in audit output only, to readers who may see everything.</summary>
public class EarlierAnswersTests
{
    private const string Template = """
        id: visit
        version: 2
        title: Home visit
        languages: [en, cy]
        audiences: [practitioner, parent]
        sensitivity:
          third_party: { label: { en: third-party information, cy: gwybodaeth trydydd parti }, audiences: [practitioner] }
        sections:
          - id: child
            title: { en: The child, cy: Y plentyn }
            questions:
              - { id: name, type: text, label: { en: Name, cy: Enw } }
        """;

    private const string Answers = """
        {"$template":{"id":"visit","version":2},"child":{"name":"Ana"},
         "$archived":[{"path":"child.nickname","value":"Nana-ARCHIVED","version":1,"reason":"Version 2 no longer asks this; its migration archives it."}]}
        """;

    private static FormView View(string? audience = null, string? language = null)
    {
        var template = FormTemplate.LoadFromText(Template).GetTemplateOrThrow();
        var session = FormSession.Open(template, JsonNode.Parse(Answers)!.AsObject(), new FormSessionOptions { Today = TestTemplates.Today });
        return FormViewBuilder.Build(session, new ViewOptions { Audience = audience, Language = language });
    }

    private static string Render(IFormRenderer renderer, FormView view, OutputMode mode)
    {
        using var output = new MemoryStream();
        renderer.Render(view, new RenderOptions { Mode = mode }, output);
        return renderer is PdfRenderer ? PdfTestHelpers.AllText(output.ToArray()) : Encoding.UTF8.GetString(output.ToArray());
    }

    private static IEnumerable<IFormRenderer> Renderers() => [new HtmlRenderer(), new PdfRenderer(), new TextRenderer()];

    [TestCaseSource(nameof(Renderers))]
    public void An_audit_shows_answers_from_earlier_versions_in_English_and_Welsh(IFormRenderer renderer)
    {
        var english = Render(renderer, View(), OutputMode.Audit);
        Assert.That(english, Does.Contain("Answers from earlier versions").And.Contain("Nana-ARCHIVED").And.Contain("child.nickname").And.Contain("no longer asks this"));
        var welsh = Render(renderer, View(language: "cy"), OutputMode.Audit);
        Assert.That(welsh, Does.Contain("Atebion o fersiynau cynharach").And.Contain("Nana-ARCHIVED").And.Contain("Fersiwn 1"));
    }

    [TestCaseSource(nameof(Renderers))]
    public void A_record_does_not_list_them_and_a_restricted_reader_never_sees_them(IFormRenderer renderer)
    {
        Assert.That(Render(renderer, View(), OutputMode.Record), Does.Not.Contain("Nana-ARCHIVED"));
        Assert.That(View(audience: "parent").EarlierAnswers, Is.Empty);
        Assert.That(Render(renderer, View(audience: "parent"), OutputMode.Audit), Does.Not.Contain("Nana-ARCHIVED").And.Not.Contain("earlier versions"));
    }

    [Test]
    public void A_reader_kept_from_a_question_by_its_audiences_never_sees_the_archive()
    {
        var template = TestTemplates.Load("""
            id: by_audience
            audiences: [practitioner, parent]
            sections:
              - id: s
                questions:
                  - { id: open, type: text }
                  - { id: worker_note, type: text, audiences: [practitioner] }
            """);
        var session = FormSession.Open(template, JsonNode.Parse("""{"$archived": [{"path": "s.old_note", "value": "kept", "version": 1, "reason": "gone"}]}""")!.AsObject(), new FormSessionOptions { Today = TestTemplates.Today });

        Assert.That(FormViewBuilder.Build(session, new ViewOptions { Audience = "practitioner" }).EarlierAnswers, Has.Count.EqualTo(1));
        Assert.That(FormViewBuilder.Build(session, new ViewOptions { Audience = "parent" }).EarlierAnswers, Is.Empty,
            "with no sensitivity levels declared, a question's audiences still keep something from the parent");
    }
}
