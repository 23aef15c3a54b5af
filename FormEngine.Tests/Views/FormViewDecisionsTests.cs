using System.Text.Json.Nodes;
using FormEngine.Renderers;
using FormEngine.Renderers.Html;
using FormEngine.Views;

namespace FormEngine.Tests.Views;

/// <summary>
/// What the view decides for forms once, for every output: which questions follow up an option of the question
/// before them, how long a text may be, and when a choice is a drop-down list.
/// </summary>
public class FormViewDecisionsTests
{
    private const string Template = """
        id: decisions
        version: 1
        title: Decisions
        choices:
          contact: [email, phone, text]
          yes_no: ['yes', 'no']
          many: [a, b, c, d, e, f, g, h, i, j, k, l, m]
        sections:
          - id: s
            title: Questions
            questions:
              - { id: contact, type: choice, choices: contact, label: How? }
              - { id: email, type: text, label: Email, show_if: s.contact = 'email' }
              - { id: phone, type: text, label: Phone, show_if: s.contact = 'phone' }
              - { id: either, type: text, label: Either, show_if: "s.contact in ['email', 'phone']" }
              - { id: carer, type: boolean, label: Carer? }
              - { id: note, type: text, label: Note, show_if: s.carer = false }
              - { id: both, type: text, label: Both, show_if: s.carer and s.contact = 'text' }
              - { id: unrelated, type: text, label: Unrelated }
              - { id: late, type: text, label: Late, show_if: s.contact = 'text' }
              - { id: long_list, type: choice, choices: many, label: Long }
              - { id: after_long, type: text, label: After, show_if: s.long_list = 'a' }
              - { id: long_radios, type: choice, choices: many, control: radios, label: Long radios }
              - { id: short_select, type: choice, choices: yes_no, control: select, label: Short select }
              - id: story
                type: textarea
                label: Story
                validate:
                  - { rule: len(s.story) <= 500, message: Too long. }
                  - { rule: len(s.story) < 300, message: Shorter. }
              - id: other
                type: text
                label: Other
                validate:
                  - { rule: len(s.other) <= 20 or s.carer, message: Too long. }
        """;

    private static QuestionView Question(string id, string answers = "{}") =>
        FormViewBuilder.Build(TestTemplates.Open(answers, Template)).Sections.Single().Questions.Single(q => q.Id == id);

    [TestCase("email", "s.contact", "email")]
    [TestCase("phone", "s.contact", "phone")]
    [TestCase("note", "s.carer", "false")]
    public void A_question_shown_for_one_option_of_the_question_before_it_follows_that_option(string id, string controller, string value) =>
        Assert.That(Question(id).FollowUpOf, Is.EqualTo(new FollowUp(controller, value)));

    [TestCase("either", Description = "shown for two options")]
    [TestCase("both", Description = "reads two questions")]
    [TestCase("late", Description = "not straight after its question")]
    [TestCase("after_long", Description = "its question is a drop-down list, which has nowhere to reveal it")]
    [TestCase("unrelated", Description = "no show_if")]
    public void Other_questions_follow_up_nothing(string id) => Assert.That(Question(id).FollowUpOf, Is.Null);

    [Test]
    public void A_hidden_follow_up_is_on_the_form_but_not_in_the_record()
    {
        var email = Question("email", """{ "s": { "contact": "phone" } }""");
        Assert.That(email.Visible, Is.False);
        Assert.That(HtmlModeRules.Includes(email, OutputMode.Form), Is.True, "on the HTML form, under its option");
        Assert.That(ModeRules.Includes(email, OutputMode.Form), Is.False, "not in other outputs of a form");
        Assert.That(ModeRules.Includes(email, OutputMode.Record), Is.False);
    }

    [Test]
    public void A_choice_is_a_drop_down_list_above_twelve_choices_unless_its_template_says_otherwise()
    {
        Assert.That(Question("long_list").AsksWithSelect, Is.True);
        Assert.That(Question("long_radios").AsksWithSelect, Is.False);
        Assert.That(Question("short_select").AsksWithSelect, Is.True);
        Assert.That(Question("contact").AsksWithSelect, Is.False);
    }

    [Test]
    public void A_length_rule_on_the_text_alone_is_its_limit_and_the_tightest_wins() =>
        Assert.That((Question("story").MaxLength, Question("other").MaxLength, Question("email").MaxLength), Is.EqualTo(((int?)299, (int?)null, (int?)null)));

    [TestCase("control: dropdown", "FET0013", "Unknown control `dropdown`")]
    [TestCase("control: select", "FET0013", "`control`")]
    public void A_wrong_control_is_reported_at_its_line(string key, string code, string message)
    {
        var yaml = $$"""
            id: bad
            version: 1
            title: Bad
            sections:
              - id: s
                questions:
                  - { id: a, type: {{(key.EndsWith("dropdown", StringComparison.Ordinal) ? "choice, choices: [x, y]" : "text")}}, {{key}} }
            """;
        var diagnostic = FormTemplate.LoadFromText(yaml).Diagnostics.First(d => d.IsError);
        Assert.That(diagnostic.Line, Is.EqualTo(7), diagnostic.ToString());
        Assert.That(diagnostic.Message, Does.Contain(message), diagnostic.ToString());
        if (key.EndsWith("dropdown", StringComparison.Ordinal))
        {
            Assert.That(diagnostic.Code, Is.EqualTo(code));
        }
    }

    [Test]
    public void Choosing_an_option_and_answering_its_follow_up_in_one_post_keeps_both()
    {
        var session = TestTemplates.Open("{}", Template);
        var options = new RenderOptions { Mode = OutputMode.Form, Theme = "govuk" };
        var post = FormPost.FromPairs([KeyValuePair.Create("s.contact", (string?)"email"), KeyValuePair.Create("s.email", (string?)"a@example.org"), KeyValuePair.Create("_shown", (string?)"s.contact")]);
        var result = HtmlFormBinder.Bind(session, post, new ViewOptions(), options);
        Assert.That(result.Ignored, Is.Empty);
        Assert.That(session.ToJson()["s"]!.ToJsonString(), Is.EqualTo(JsonNode.Parse("""{ "contact": "email", "email": "a@example.org" }""")!.ToJsonString()));
        Assert.That(Question("email", session.ToJson().ToJsonString()).Visible, Is.True);
    }

    [Test]
    public void A_drop_down_list_left_on_its_empty_option_is_unanswered()
    {
        var session = TestTemplates.Open("""{ "s": { "short_select": "yes" } }""", Template);
        var post = FormPost.FromPairs([KeyValuePair.Create("s.short_select", (string?)string.Empty)]);
        var result = HtmlFormBinder.Bind(session, post, new ViewOptions(), new RenderOptions { Mode = OutputMode.Form, Theme = "govuk" });
        Assert.That((result.Changed, result.Problems), Is.EqualTo((new[] { "s.short_select" }, Array.Empty<FieldProblem>())));
        Assert.That(session.GetAnswer("s.short_select").IsNull, Is.True);
    }
}
