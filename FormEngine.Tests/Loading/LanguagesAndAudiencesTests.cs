using FormEngine.Evaluation;
using FormEngine.Views;

namespace FormEngine.Tests.Loading;

public class LanguagesAndAudiencesTests
{
    private const string Template = """
        id: t
        languages: [en, cy]
        audiences: [practitioner, child]
        title: { en: Assessment, cy: Asesiad }
        choices:
          yes_no:
            - { value: 'yes', label: { en: 'Yes', cy: Ydy } }
            - { value: 'no', label: { en: 'No', cy: Nac ydy } }
        sections:
          - id: child
            title: { en: About the child, cy: Am y plentyn, child: { en: About you, cy: Amdanat ti } }
            questions:
              - id: happy
                type: choice
                choices: yes_no
                label:
                  en: Is the child happy at school?
                  cy: Ydy'r plentyn yn hapus yn yr ysgol?
                  child: { en: Are you happy at school?, cy: Wyt ti'n hapus yn yr ysgol? }
              - id: worker_only
                type: text
                label: { en: Worker's note, cy: Nodyn y gweithiwr }
                audiences: [practitioner]
              - id: untranslated
                type: text
                label: Only in English
                show_if: child.happy = 'no'
        """;

    private static FormView View(string? audience, string? language) =>
        FormViewBuilder.Build(
            FormSession.Open(TestTemplates.Load(Template), System.Text.Json.Nodes.JsonNode.Parse("""{"child": {"happy": "yes"}}""")!.AsObject(), new FormSessionOptions { Today = TestTemplates.Today }),
            new ViewOptions { Audience = audience, Language = language });

    [Test]
    public void Wording_follows_the_audience_and_language()
    {
        var welshChild = View("child", "cy");
        Assert.That(welshChild.Title, Is.EqualTo("Asesiad"));
        Assert.That(welshChild.Sections[0].Label, Is.EqualTo("Amdanat ti"));
        Assert.That(welshChild.Sections[0].Questions[0].Label, Is.EqualTo("Wyt ti'n hapus yn yr ysgol?"));
        Assert.That(welshChild.Sections[0].Questions[0].DisplayValue, Is.EqualTo("Ydy"), "choice labels are translated; the value stays 'yes'");
        Assert.That(welshChild.Sections[0].Questions[0].InputValue, Is.EqualTo("yes"));

        var englishPractitioner = View("practitioner", "en");
        Assert.That(englishPractitioner.Sections[0].Questions[0].Label, Is.EqualTo("Is the child happy at school?"));
    }

    [Test]
    public void Routing_for_paper_forms_is_written_in_the_readers_language_with_choice_labels()
    {
        Assert.That(View("child", "cy").Sections[0].Questions.Single(q => q.Id == "untranslated").ShowIfDescription, Is.EqualTo("yw 'Wyt ti'n hapus yn yr ysgol?' yn 'Nac ydy'"));
        Assert.That(View("practitioner", "en").Sections[0].Questions.Single(q => q.Id == "untranslated").ShowIfDescription, Is.EqualTo("'Is the child happy at school?' is 'No'"));
    }

    [Test]
    public void Missing_text_falls_back_to_the_default_language()
    {
        var welsh = View("practitioner", "cy");
        Assert.That(welsh.Sections[0].Questions.Single(q => q.Id == "untranslated").Label, Is.EqualTo("Only in English"));
    }

    [Test]
    public void Questions_limited_to_an_audience_are_absent_for_others()
    {
        Assert.That(View("child", "en").AllElements().Select(e => e.Id), Does.Not.Contain("worker_only"));
        Assert.That(View("practitioner", "en").AllElements().Select(e => e.Id), Does.Contain("worker_only"));
    }

    [Test]
    public void Validate_warns_about_every_text_missing_a_declared_language_with_its_position()
    {
        var warnings = FormTemplate.LoadFromText(Template).Diagnostics;
        var warning = warnings.Single();
        Assert.That((warning.Code, warning.Line, warning.Column), Is.EqualTo(("FET0023", 26, 9)));
        Assert.That(warning.Message, Is.EqualTo("`label` has no Welsh (cy) wording; readers will see the English instead."));
    }

    [TestCase("title: { en: A, fr: B }", "FET0024")]
    [TestCase("sections: [ { id: s, audiences: [parent] } ]", "FET0024")]
    [TestCase("sections: [ { id: s, sensitivity: secret } ]", "FET0024")]
    public void Undeclared_languages_audiences_and_levels_are_errors(string yaml, string code)
    {
        var result = FormTemplate.LoadFromText("id: t\nlanguages: [en, cy]\naudiences: [practitioner]\n" + yaml);
        Assert.That(result.Diagnostics.Where(d => d.IsError).Select(d => d.Code), Does.Contain(code));
    }

    [Test]
    public void An_undeclared_audience_cannot_be_rendered()
    {
        Assert.Throws<ArgumentException>(() => View("judge", "en"));
    }
}
