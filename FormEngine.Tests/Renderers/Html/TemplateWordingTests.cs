using FormEngine.Evaluation;
using FormEngine.Renderers;
using FormEngine.Templates;
using FormEngine.Views;

namespace FormEngine.Tests.Renderers.Html;

/// <summary>A template's own wording for what FormEngine would otherwise word itself: repeat buttons, choice labels, the missing-answer message.</summary>
public class TemplateWordingTests
{
    private const string Household = """
        id: household_wording
        languages: [en, cy]
        sections:
          - id: household
            title: { en: Household, cy: Aelwyd }
            questions:
              - id: members
                type: repeat
                label: { en: Family member, cy: Aelod o'r teulu }
                add_label: { en: Add another family member, cy: Ychwanegu aelod arall o'r teulu }
                remove_label: { en: Remove family member, cy: Dileu aelod o'r teulu }
                questions:
                  - { id: name, type: text, label: { en: Name, cy: Enw } }
              - id: pets
                type: repeat
                label: { en: Pet, cy: Anifail anwes }
                questions:
                  - { id: kind, type: text, label: { en: Kind, cy: Math } }
        """;

    private const string TwoMembers = """{ "household": { "members": [ { "name": "Sam" }, { "name": "Alex" } ], "pets": [ { "kind": "cat" } ] } }""";

    private static FormView View(string yaml, string answers, string language) =>
        FormViewBuilder.Build(TestTemplates.Open(answers, yaml), new ViewOptions { Language = language });

    private static QuestionView Find(FormView view, string path) =>
        view.AllElements().OfType<QuestionView>().Single(q => q.Path == path);

    [Test]
    public void Add_and_remove_labels_are_read_per_language()
    {
        var members = TestTemplates.Load(Household).Definition.Sections[0].Questions[0];
        Assert.That(members.AddLabel!.Resolve(null, "cy"), Is.EqualTo("Ychwanegu aelod arall o'r teulu"));
        Assert.That(members.RemoveLabel!.Resolve(null, "en"), Is.EqualTo("Remove family member"));
    }

    [TestCase("en", "Add another family member", "Remove family member 2", "Add an item to Pet", "Remove Pet 1")]
    [TestCase("cy", "Ychwanegu aelod arall o'r teulu", "Dileu aelod o'r teulu 2", "Ychwanegu eitem at Anifail anwes", "Dileu Anifail anwes 1")]
    public void A_repeat_group_carries_its_own_button_words_or_formengines(string language, string add, string remove, string defaultAdd, string defaultRemove)
    {
        var view = View(Household, TwoMembers, language);
        Assert.That(Find(view, "household.members").AddLabel, Is.EqualTo(add));
        Assert.That(Find(view, "household.members").Items[1].RemoveLabel, Is.EqualTo(remove));
        Assert.That(Find(view, "household.pets").AddLabel, Is.EqualTo(defaultAdd));
        Assert.That(Find(view, "household.pets").Items[0].RemoveLabel, Is.EqualTo(defaultRemove));
    }

    [TestCase("plain", "en", "Add another family member", "Remove family member 1", "Remove family member 2")]
    [TestCase("govuk", "cy", "Ychwanegu aelod arall o'r teulu", "Dileu aelod o'r teulu 1", "Dileu aelod o'r teulu 2")]
    public void The_form_shows_the_templates_button_words(string theme, string language, string add, string removeFirst, string removeSecond)
    {
        var html = HtmlTestForms.Render(View(Household, TwoMembers, language), new RenderOptions { Mode = OutputMode.Form, Theme = theme });
        var buttons = HtmlTestForms.Parse(html).All("button").Select(b => b.Value.Trim()).ToList();
        Assert.That(buttons, Does.Contain(add).And.Contain(removeFirst).And.Contain(removeSecond));
        Assert.That(buttons, Has.None.StartsWith(language == "en" ? "Add an item to Family" : "Ychwanegu eitem at Aelod"));
    }

    [Test]
    public void Add_label_belongs_to_repeat_groups_only()
    {
        var result = FormTemplate.LoadFromText("""
            id: t
            sections:
              - id: s
                questions:
                  - { id: name, type: text, add_label: Add a name }
            """);
        Assert.That(result.Diagnostics.Select(d => $"{d.Code} {d.Line}:{d.Column}"), Is.EqualTo(new[] { "FET0018 5:33" }));
    }

    private const string LivesWith = """
        id: lives_with
        languages: [en, cy]
        sections:
          - id: child
            title: { en: The child, cy: Y plentyn }
            questions:
              - id: lives_with
                type: text
                label: { en: Who does the child live with?, cy: Gyda phwy mae'r plentyn yn byw? }
                required: true
                required_message: { en: Say who the child lives with., cy: Dywedwch gyda phwy mae'r plentyn yn byw. }
              - { id: school, type: text, label: { en: School, cy: Ysgol }, required: true }
        """;

    [Test]
    public void Required_message_is_read_per_language()
    {
        var question = TestTemplates.Load(LivesWith).Definition.Sections[0].Questions[0];
        Assert.That(question.RequiredMessage!.Resolve(null, "cy"), Is.EqualTo("Dywedwch gyda phwy mae'r plentyn yn byw."));
        Assert.That(TestTemplates.Load(LivesWith).Definition.Sections[0].Questions[1].RequiredMessage, Is.Null);
    }

    [TestCase("en", "Say who the child lives with.", "Answer this question.")]
    [TestCase("cy", "Dywedwch gyda phwy mae'r plentyn yn byw.", "Atebwch y cwestiwn hwn.")]
    public void The_view_carries_the_message_for_a_missing_answer(string language, string own, string formEngines)
    {
        var view = View(LivesWith, "{}", language);
        Assert.That(Find(view, "child.lives_with").MissingMessage, Is.EqualTo(own));
        Assert.That(Find(view, "child.school").MissingMessage, Is.EqualTo(formEngines));
        Assert.That(view.MissingMessages(), Is.EqualTo(new[] { new AnswerError("child.lives_with", own), new AnswerError("child.school", formEngines) }));
    }

    [TestCase("plain", "en", "Say who the child lives with.", "Answer this question.")]
    [TestCase("govuk", "cy", "Dywedwch gyda phwy mae'r plentyn yn byw.", "Atebwch y cwestiwn hwn.")]
    public void The_form_shows_the_templates_message_beside_the_question_and_in_the_problems(string theme, string language, string own, string formEngines)
    {
        var html = HtmlTestForms.Render(View(LivesWith, "{}", language), new RenderOptions { Mode = OutputMode.Form, Theme = theme, ShowErrors = true });
        var document = HtmlTestForms.Parse(html);
        HtmlTestForms.AssertAccessible(document);
        var text = document.All("body").Single().Value;
        // Once in the list of problems and once beside the question; FormEngine's words only for the other question.
        Assert.That(text.Split(own).Length - 1, Is.EqualTo(2));
        Assert.That(text.Split(formEngines).Length - 1, Is.EqualTo(2));
    }

    [Test]
    public void The_text_form_lists_the_templates_message()
    {
        using var writer = new StringWriter();
        new FormEngine.Renderers.Text.TextRenderer().Render(View(LivesWith, "{}", "cy"), new RenderOptions { Mode = OutputMode.Form }, writer);
        var text = writer.ToString();
        Assert.That(text, Does.Contain("- child.lives_with: Dywedwch gyda phwy mae'r plentyn yn byw."));
    }

    [Test]
    public void Required_message_belongs_to_questions_that_take_an_answer()
    {
        var result = FormTemplate.LoadFromText("""
            id: t
            sections:
              - id: s
                questions:
                  - { id: intro, type: note, label: Hello, required_message: Read this }
            """);
        Assert.That(result.Diagnostics.Select(d => $"{d.Code} {d.Line}:{d.Column}"), Is.EqualTo(new[] { "FET0018 5:48" }));
    }

    private const string Siblings = """
        id: siblings
        languages: [en, cy]
        choices:
          yes_no:
            - { value: 'yes', label: { en: 'Yes', cy: Ie } }
            - { value: 'no', label: { en: 'No', cy: Na } }
        sections:
          - id: family
            title: { en: Family, cy: Teulu }
            questions:
              - id: has_siblings
                type: choice
                choices: yes_no
                label: { en: Does the child have brothers or sisters?, cy: Oes gan y plentyn frodyr neu chwiorydd? }
                choice_labels: { cy: { 'yes': Oes, 'no': Nac oes } }
              - id: at_school
                type: choice
                choices: yes_no
                label: { en: Is the child at school?, cy: Ydy'r plentyn yn yr ysgol? }
                choice_labels: { cy: { 'yes': Ydy, 'no': Nac ydy } }
              - id: allergies
                type: choice
                choices: yes_no
                label: { en: Does the child have allergies?, cy: Oes gan y plentyn alergeddau? }
              - id: names
                type: text
                label: { en: Their names, cy: Eu henwau }
                show_if: family.has_siblings = 'yes'
        """;

    private const string Answered = """{ "family": { "has_siblings": "no", "at_school": "yes", "allergies": "no" } }""";

    [Test]
    public void Choice_labels_give_one_question_its_own_labels_and_leave_the_shared_list_alone()
    {
        var definition = TestTemplates.Load(Siblings).Definition;
        var questions = definition.Sections[0].Questions;
        Assert.That(questions[0].Choices!.Find("no")!.LabelText!.Resolve(null, "cy"), Is.EqualTo("Nac oes"));
        Assert.That(questions[0].Choices!.Find("no")!.LabelText!.Resolve(null, "en"), Is.EqualTo("No"));
        Assert.That(questions[1].Choices!.Find("yes")!.LabelText!.Resolve(null, "cy"), Is.EqualTo("Ydy"));
        Assert.That(questions[2].Choices!.Find("yes")!.LabelText!.Resolve(null, "cy"), Is.EqualTo("Ie"));
        Assert.That(definition.ChoiceLists.Single().Find("yes")!.LabelText!.Resolve(null, "cy"), Is.EqualTo("Ie"));
    }

    [TestCase("en", "No", "Yes", "No", "Yes")]
    [TestCase("cy", "Nac oes", "Ydy", "Na", "Oes")]
    public void Answers_options_and_rule_descriptions_use_the_questions_choice_labels(string language, string siblings, string school, string allergies, string siblingsYes)
    {
        var view = View(Siblings, Answered, language);
        Assert.That(Find(view, "family.has_siblings").DisplayValue, Is.EqualTo(siblings));
        Assert.That(Find(view, "family.at_school").DisplayValue, Is.EqualTo(school));
        Assert.That(Find(view, "family.allergies").DisplayValue, Is.EqualTo(allergies));
        Assert.That(Find(view, "family.has_siblings").Choices.Select(c => c.Label), Is.EqualTo(new[] { siblingsYes, siblings }));
        Assert.That(Find(view, "family.names").ShowIfDescription, Does.Contain($"'{siblingsYes}'"));
    }

    [TestCase("plain", "en", "Yes", "No")]
    [TestCase("govuk", "cy", "Oes", "Nac oes")]
    public void The_form_offers_the_questions_own_choice_labels(string theme, string language, string yes, string no)
    {
        var document = HtmlTestForms.Parse(HtmlTestForms.Render(View(Siblings, Answered, language), new RenderOptions { Mode = OutputMode.Form, Theme = theme }));
        var labels = document.All("label").Where(l => l.Attr("for")?.Contains("has-siblings", StringComparison.Ordinal) == true || l.Attr("for")?.Contains("has_siblings", StringComparison.Ordinal) == true)
            .Select(l => l.Value.Trim()).ToList();
        Assert.That(labels, Does.Contain(yes).And.Contain(no));
    }

    [TestCase("en", "No", "Yes", "No")]
    [TestCase("cy", "Nac oes", "Ydy", "Na")]
    public void The_record_shows_answers_with_the_questions_own_choice_labels(string language, string siblings, string school, string allergies)
    {
        var document = HtmlTestForms.Parse(HtmlTestForms.Render(View(Siblings, Answered, language), new RenderOptions { Mode = OutputMode.Record }));
        var answers = document.All("span").Where(s => s.HasClass("fe-answer")).Select(s => s.Value.Trim());
        Assert.That(answers, Is.EqualTo(new[] { siblings, school, allergies }));
    }
}
