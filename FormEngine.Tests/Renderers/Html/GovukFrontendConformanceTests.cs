using AngleSharp.Dom;
using FormEngine.Renderers;
using FormEngine.Renderers.Html;
using FormEngine.Views;

namespace FormEngine.Tests.Renderers.Html;

/// <summary>
/// The GOV.UK theme's markup has the structure of GOV.UK Frontend's own component fixtures (GovukFrontend/fixtures.json,
/// from govuk-frontend 6.6.0): the same elements, classes and nesting, and the same wiring of ids, names, labels,
/// descriptions and reveals. See <see cref="MarkupStructure"/> for what is compared.
/// </summary>
public class GovukFrontendConformanceTests
{
    private const string Template = """
        id: conformance
        version: 1
        title: Conformance
        choices:
          contact: [email, phone, text]
        sections:
          - id: s
            title: Questions
            questions:
              - { id: dob, type: date, label: Date of birth, hint: 'For example, 31 3 1980' }
              - { id: contact, type: choice, choices: contact, label: How do you want to be contacted? }
              - { id: email, type: text, label: Email address, show_if: s.contact = 'email' }
              - { id: phone, type: text, label: Phone number, show_if: s.contact = 'phone' }
              - { id: mobile, type: text, label: Mobile phone number, show_if: s.contact = 'text' }
              - { id: ways, type: multichoice, choices: contact, label: How else could we contact you? }
              - { id: other_email, type: text, label: Email address, show_if: "'email' in s.ways" }
              - { id: other_phone, type: text, label: Phone number, show_if: "'phone' in s.ways" }
              - { id: other_mobile, type: text, label: Mobile phone number, show_if: "'text' in s.ways" }
              - id: detail
                type: textarea
                label: Can you provide more detail?
                hint: Do not include personal or financial information.
                validate:
                  - { rule: len(s.detail) <= 10, message: Please do not exceed the maximum allowed limit }
              - id: address
                type: textarea
                label: Full address
                validate:
                  - { rule: len(s.address) <= 10, message: Please do not exceed the maximum allowed limit }
              - { id: colour, type: choice, choices: contact, control: select, label: Label text goes here, hint: Hint text goes here, required: true }
        """;

    private static IDocument Form(string answers, bool showErrors = true) =>
        MarkupStructure.ParseDocument(new HtmlRenderer().RenderToString(FormViewBuilder.Build(TestTemplates.Open(answers, Template)),
            new RenderOptions { Mode = OutputMode.Form, Theme = "govuk", ShowErrors = showErrors }));

    /// <summary>The form group of the question whose first field has <paramref name="fieldId"/>.</summary>
    private static IElement Group(IDocument document, string fieldId) =>
        document.GetElementById(fieldId)!.Ancestors<IElement>().Last(e => e.ClassList.Contains("govuk-form-group") && e.LocalName == "div");

    private static void AssertSameStructure(IElement ours, string oursId, string oursName, string component, string fixture, string fixtureId, string fixtureName)
    {
        var expected = MarkupStructure.Of(MarkupStructure.ParseFragment(MarkupStructure.Fixture(component, fixture)["html"]!.GetValue<string>()), fixtureId, fixtureName);
        var actual = MarkupStructure.Of(ours, oursId, oursName);
        Assert.That(actual.Except(expected), Is.Empty, $"FormEngine has structure the {component} fixture `{fixture}` has not");
        Assert.That(expected.Except(actual), Is.Empty, $"the {component} fixture `{fixture}` has structure FormEngine has not");
    }

    [Test]
    public void A_date_has_the_date_input_structure_with_the_questions_id_on_the_container_and_day_month_year_fields()
    {
        var document = Form("""{ "s": { "dob": "1980-03-31", "colour": "email" } }""");
        AssertSameStructure(Group(document, "f-s-dob"), "f-s-dob", "s.dob", "date-input", "with values and name prefix", "with-values-name-prefix", "dob");
    }

    [Test]
    public void A_date_with_an_impossible_day_highlights_the_day_alone()
    {
        var document = Form("""{ "s": { "dob": "2026-2-30", "colour": "email" } }""");
        AssertSameStructure(Group(document, "f-s-dob"), "f-s-dob", "s.dob", "date-input", "with error on day input", "dob-day-error", string.Empty);
        Assert.That(document.QuerySelector("#f-s-dob-day")!.ClassList, Does.Contain("govuk-input--error"));
        Assert.That(document.QuerySelector("#f-s-dob-month")!.ClassList, Does.Not.Contain("govuk-input--error"));
    }

    [Test]
    public void A_required_date_that_cannot_be_read_has_one_message_not_also_missing()
    {
        const string Required = """
            id: required_date
            version: 1
            title: Required date
            sections:
              - id: s
                questions:
                  - { id: dob, type: date, label: Date of birth, required: true }
            """;
        var html = new HtmlRenderer().RenderToString(FormViewBuilder.Build(TestTemplates.Open("""{ "s": { "dob": "2016-2-30" } }""", Required)),
            new RenderOptions { Mode = OutputMode.Form, Theme = "govuk", ShowErrors = true });
        var document = MarkupStructure.ParseDocument(html);
        Assert.That(document.QuerySelectorAll(".govuk-error-summary li"), Has.Length.EqualTo(1));
        Assert.That(document.GetElementById("f-s-dob-error")!.QuerySelectorAll(".govuk-visually-hidden"), Has.Length.EqualTo(1), "one message under the field");
    }

    [Test]
    public void Radios_reveal_the_follow_up_question_of_each_option()
    {
        var document = Form("""{ "s": { "colour": "email" } }""");
        AssertSameStructure(Group(document, "f-s-contact"), "f-s-contact", "s.contact", "radios", "with conditional items", "how-contacted", "how-contacted");
        var reveal = document.GetElementById("conditional-f-s-contact")!;
        Assert.That(reveal.QuerySelector("input")!.GetAttribute("name"), Is.EqualTo("s.email"), "the follow-up is nested in its option's reveal");
    }

    [Test]
    public void A_chosen_option_shows_its_follow_up_and_the_others_stay_hidden()
    {
        var document = Form("""{ "s": { "contact": "phone", "phone": "01234", "colour": "email" } }""");
        Assert.That(document.GetElementById("conditional-f-s-contact-2")!.ClassList, Does.Not.Contain("govuk-radios__conditional--hidden"));
        Assert.That(document.GetElementById("conditional-f-s-contact")!.ClassList, Does.Contain("govuk-radios__conditional--hidden"));
        Assert.That(document.QuerySelectorAll("[name='s.phone']"), Has.Length.EqualTo(1), "a follow-up is on the page once");
    }

    [Test]
    public void Checkboxes_reveal_the_follow_up_question_of_each_option()
    {
        var document = Form("""{ "s": { "colour": "email" } }""");
        AssertSameStructure(Group(document, "f-s-ways"), "f-s-ways", "s.ways", "checkboxes", "with conditional items", "how-contacted", "with-conditional-items");
    }

    [Test]
    public void A_text_with_a_length_rule_has_a_character_count()
    {
        var document = Form("""{ "s": { "colour": "email" } }""");
        AssertSameStructure(Group(document, "f-s-detail"), "f-s-detail", "s.detail", "character-count", "with hint", "with-hint", "with-hint");
        Assert.That(Group(document, "f-s-detail").GetAttribute("data-maxlength"), Is.EqualTo("10"));
    }

    [Test]
    public void A_welsh_character_count_counts_in_welsh()
    {
        const string Welsh = """
            id: welsh
            version: 1
            title: { en: Welsh, cy: Cymraeg }
            languages: [en, cy]
            sections:
              - id: s
                title: { en: Questions, cy: Cwestiynau }
                questions:
                  - id: story
                    type: textarea
                    label: { en: Story, cy: Stori }
                    validate:
                      - { rule: len(s.story) <= 50, message: { en: Too long., cy: Rhy hir. } }
            """;
        var html = new HtmlRenderer().RenderToString(FormViewBuilder.Build(TestTemplates.Open("{}", Welsh), new ViewOptions { Language = "cy" }),
            new RenderOptions { Mode = OutputMode.Form, Theme = "govuk" });
        var group = Group(MarkupStructure.ParseDocument(html), "f-s-story");
        Assert.That(group.GetAttribute("data-i18n.characters-under-limit.other"), Is.EqualTo("Mae gennych %{count} nod yn weddill"));
        Assert.That(group.GetAttribute("data-i18n.characters-over-limit.one"), Is.EqualTo("Mae gennych 1 nod yn ormod"));
        Assert.That(group.QuerySelector(".govuk-character-count__message")!.TextContent, Is.EqualTo("Gallwch roi hyd at 50 nod"));
    }

    [Test]
    public void A_text_over_its_length_has_the_character_count_error_structure()
    {
        var document = Form("""{ "s": { "address": "221B Baker Street, London", "colour": "email" } }""");
        AssertSameStructure(Group(document, "f-s-address"), "f-s-address", "s.address", "character-count", "with default value exceeding limit", "exceeding-characters", "exceeding");
    }

    [Test]
    public void A_select_with_a_hint_and_an_error_has_the_select_structure()
    {
        var document = Form("{}");
        AssertSameStructure(Group(document, "f-s-colour"), "f-s-colour", "s.colour", "select", "with hint text and error message", "select-2", "select-2");
    }

    [Test]
    public void The_error_summary_has_the_version_5_structure()
    {
        var document = Form("""{ "s": { "dob": "2026-2-30" } }""");
        AssertSameStructure(document.QuerySelector(".govuk-error-summary")!, "-", "-", "error-summary", "default", "-", "-");
    }

    [Test]
    public void An_error_message_has_the_error_message_structure()
    {
        var document = Form("{}");
        AssertSameStructure(document.GetElementById("f-s-colour-error")!, "f-s-colour", "s.colour", "error-message", "default", "-", "-");
    }

    [Test]
    public void The_page_starts_with_the_skip_link()
    {
        var document = Form("{}");
        var first = document.Body!.QuerySelector("a")!;
        AssertSameStructure(first, "-", "-", "skip-link", "default", "-", "-");
        Assert.That(document.GetElementById(first.GetAttribute("href")![1..])!.LocalName, Is.EqualTo("main"));
    }

    [Test]
    public void A_record_lists_answers_in_summary_lists()
    {
        var html = new HtmlRenderer().RenderToString(
            FormViewBuilder.Build(TestTemplates.Open("""{ "s": { "dob": "1980-03-31", "contact": "email", "email": "a@example.org", "ways": ["phone"], "other_phone": "01234", "detail": "None", "address": "Here", "colour": "text" } }""", Template)),
            new RenderOptions { Mode = OutputMode.Record, Theme = "govuk" });
        var list = MarkupStructure.ParseDocument(html).QuerySelector("section#f-s dl.govuk-summary-list")!;
        AssertSameStructure(list, "-", "-", "summary-list", "default", "-", "-");
    }

    [Test]
    public void The_error_summary_links_each_field_once_in_page_order_to_its_first_input()
    {
        // The date's month is wrong, the select is missing, the text is too long: three fields, three links.
        var document = Form("""{ "s": { "dob": "2026-13-01", "detail": "far more than ten characters" } }""");
        var links = document.QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.That(links, Is.EqualTo(new[] { "#f-s-dob-month", "#f-s-detail", "#f-s-colour" }));
        foreach (var link in links)
        {
            Assert.That(document.GetElementById(link![1..])!.LocalName, Is.AnyOf("input", "textarea", "select"), $"{link} is a field");
        }
    }

    [Test]
    public void Optional_questions_say_so_and_required_ones_say_nothing()
    {
        var document = Form("{}", showErrors: false);
        Assert.That(document.QuerySelector("label[for='f-s-detail']")!.TextContent, Does.EndWith("(optional)"));
        Assert.That(document.QuerySelector("label[for='f-s-colour']")!.TextContent.Trim(), Is.EqualTo("Label text goes here"));
    }

    [Test]
    public void Without_script_every_follow_up_is_still_a_labelled_field_of_the_form()
    {
        // GOV.UK Frontend hides a reveal only when its script runs (govuk-frontend-supported): the fields are real
        // form fields whatever the browser does, and the binder reads them.
        var document = Form("{}");
        foreach (var name in new[] { "s.email", "s.phone", "s.mobile", "s.other_email" })
        {
            var input = document.QuerySelector($"input[name='{name}']")!;
            Assert.That(input.Closest("form"), Is.Not.Null);
            Assert.That(document.QuerySelector($"label[for='{input.Id}']"), Is.Not.Null, $"{name} has its label");
        }
    }
}
