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
        var html = HtmlTestForms.Render(View(Household, TwoMembers, language), new RenderOptions { Mode = RenderMode.Form, Theme = theme });
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
}
