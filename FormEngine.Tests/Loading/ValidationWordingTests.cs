using System.Text.Json.Nodes;
using FormEngine.Evaluation;
using FormEngine.Views;

namespace FormEngine.Tests.Loading;

public class ValidationWordingTests
{
    private const string Template = """
        id: t
        languages: [en, cy]
        sections:
          - id: s
            title: { en: Section, cy: Adran }
            questions:
              - id: age
                type: number
                max: 18
                label: { en: Age, cy: Oed }
              - id: note
                type: text
                label: { en: Note, cy: Nodyn }
                validate:
                  - rule: len(s.note) <= 3
                    message: { en: Keep it short., cy: Cadwch e'n fyr. }
        """;

    [TestCase("en", "Enter a number no more than 18.", "Keep it short.")]
    [TestCase("cy", "Rhowch rif sydd ddim yn fwy na 18.", "Cadwch e'n fyr.")]
    public void Validation_messages_are_in_the_readers_language(string language, string limit, string authored)
    {
        var session = FormSession.Open(TestTemplates.Load(Template), JsonNode.Parse("""{"s": {"age": 40, "note": "far too long"}}""")!.AsObject(), new FormSessionOptions { Today = TestTemplates.Today });
        var view = FormViewBuilder.Build(session, new ViewOptions { Language = language });
        Assert.That(view.Errors.Select(e => e.Message), Is.EqualTo(new[] { limit, authored }));
        Assert.That(session.Evaluate().Errors.Select(e => e.Message), Is.EqualTo(new[] { "Enter a number no more than 18.", "Keep it short." }), "results stay in the default language");
    }
}
