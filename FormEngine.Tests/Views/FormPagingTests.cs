using System.Text.Json.Nodes;
using FormEngine.Evaluation;
using FormEngine.Renderers;
using FormEngine.Renderers.Html;
using FormEngine.Templates;
using FormEngine.Tests.Renderers.Html;
using FormEngine.Views;

namespace FormEngine.Tests.Views;

/// <summary><c>pages:</c> splits a reader's form into pages, with a check-your-answers page at the end.</summary>
public class FormPagingTests
{
    private const string Template = """
        id: paged
        title: A paged form
        audiences: [practitioner, parent]
        pages: { parent: question, practitioner: none }
        choices:
          yes_no: ['yes', 'no']
          colours: [red, green, blue]
        sections:
          - id: about
            title: About you
            questions:
              - { id: intro, type: note, label: Tell us about yourself. }
              - { id: name, type: text, label: Your name, required: true }
              - { id: worried, type: choice, choices: yes_no, label: Are you worried? }
              - { id: why, type: textarea, label: What worries you?, show_if: about.worried = 'yes' and answered(about.name) }
              - { id: likes, type: multichoice, choices: colours, label: Colours you like }
              - { id: name_length, type: calculated, value: len(about.name) }
          - id: home
            title: Home
            validate:
              - { rule: count(home.people) > 0, message: Tell us who lives in your home. }
            questions:
              - { id: rooms, type: number, label: How many rooms? }
              - id: people
                type: repeat
                label: Person
                questions:
                  - { id: who, type: text, label: Who }
              - { id: pets, type: boolean, label: Any pets? }
              - { id: pet_kind, type: text, label: What pets?, show_if: home.pets = true }
        """;

    private static readonly ViewOptions Parent = new() { Audience = "parent" };

    [Test]
    public void Pages_are_split_per_audience_as_the_template_says()
    {
        var template = TestTemplates.Load(Template);
        Assert.That(template.Definition.PagesFor("parent"), Is.EqualTo(PageSplit.Question));
        Assert.That(template.Definition.PagesFor("practitioner"), Is.EqualTo(PageSplit.None));
        Assert.That(FormViewBuilder.Build(Open("{}"), new ViewOptions { Audience = "practitioner" }).Paging, Is.Null);
    }

    [Test]
    public void One_question_per_page_with_notes_and_calculations_beside_a_question()
    {
        var paging = FormViewBuilder.Build(Open("{}"), Parent).Paging!;

        Assert.That(paging.Pages.Select(p => p.Title), Is.EqualTo(new[] { "Your name", "Are you worried?", "What worries you?", "Colours you like", "How many rooms?", "Person", "Any pets?" }));
        Assert.That(paging.Pages[0].QuestionPaths, Is.EqualTo(new[] { "about.intro", "about.name" }), "a note goes with the question after it");
        Assert.That(paging.Pages[3].QuestionPaths, Is.EqualTo(new[] { "about.likes", "about.name_length" }), "a calculation at the end goes with the last question");
        Assert.That(paging.Pages[6].QuestionPaths, Is.EqualTo(new[] { "home.pets", "home.pet_kind" }), "a follow-up is revealed on its question's page");
        Assert.That(paging.CheckAnswersPage, Is.EqualTo(8));
        Assert.That(paging.Current, Is.Null, "no page asked for: the whole form");
    }

    [Test]
    public void A_page_whose_question_does_not_apply_is_skipped_and_comes_back_when_it_does()
    {
        var session = Open("""{"about": {"name": "Jo", "worried": "no"}}""");
        var second = FormViewBuilder.Build(session, Parent with { Page = 2 }).Paging!;
        Assert.That((second.Previous, second.Next), Is.EqualTo(((int?)1, (int?)4)), "page 3 asks why, which does not apply");
        Assert.That(FormViewBuilder.Build(session, Parent with { Page = 3 }).Paging!.Current, Is.EqualTo(4), "asking for it shows the next page that applies");

        session.Set("about.worried", "yes");
        Assert.That(FormViewBuilder.Build(session, Parent with { Page = 2 }).Paging!.Next, Is.EqualTo(3));
        Assert.That(FormViewBuilder.Build(session, Parent with { Page = 7 }).Paging!.Next, Is.EqualTo(8), "after the last page, check your answers");
    }

    [Test]
    public void A_page_holds_only_its_questions_and_their_messages()
    {
        var view = FormViewBuilder.Build(Open("{}"), Parent with { Page = 2 });

        Assert.That(view.Sections.Single().Questions.Select(q => q.Path), Is.EqualTo(new[] { "about.worried" }));
        Assert.That(view.Missing, Is.Empty, "the name is missing, but it is on page 1");
        var first = FormViewBuilder.Build(Open("{}"), Parent with { Page = 1 });
        Assert.That(first.Missing, Is.EqualTo(new[] { "about.name" }));
    }

    [Test]
    public void A_section_check_waits_for_the_section_last_page()
    {
        const string answers = """{"about": {"name": "Jo"}, "home": {"rooms": 3}}""";
        var rooms = FormViewBuilder.Build(Open(answers), Parent with { Page = 5 });
        Assert.That(rooms.Errors, Is.Empty, "the home section's check does not stop the reader on its first page");

        var people = FormViewBuilder.Build(Open(answers), Parent with { Page = 7 });
        Assert.That(people.Errors.Select(e => e.Message), Is.EqualTo(new[] { "Tell us who lives in your home." }));
    }

    [Test]
    public void A_page_the_form_does_not_have_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FormViewBuilder.Build(Open("{}"), Parent with { Page = 9 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => FormViewBuilder.Build(Open("{}"), Parent with { Page = 0 }));
        var error = Assert.Throws<ArgumentException>(() => FormViewBuilder.Build(Open("{}"), new ViewOptions { Audience = "practitioner", Page = 1 }));
        Assert.That(error!.Message, Does.Contain("on one page"));
    }

    [Test]
    public void A_page_renders_its_question_a_back_link_and_continue()
    {
        foreach (var theme in HtmlRenderer.Themes)
        {
            var html = Render(Open("""{"about": {"name": "Jo", "worried": "yes"}}"""), Parent with { Page = 3 }, theme);
            Assert.That(html, Does.Contain("What worries you?").And.Not.Contain("Your name").And.Not.Contain("How many rooms?"), theme);
            Assert.That(html, Does.Contain("href=\"/case/7?page=2\"").And.Contain(">Back</a>"), theme);
            Assert.That(html, Does.Contain(">Continue</button>").And.Not.Contain("Save and continue"), theme);
        }
    }

    [Test]
    public void The_check_answers_page_lists_every_answer_with_a_link_to_its_page()
    {
        var session = Open("""{"about": {"name": "Jo", "worried": "no", "likes": ["red"]}, "home": {"people": [{"who": "Sam"}]}}""");
        var html = Render(session, Parent with { Page = 8 }, "govuk");

        Assert.That(html, Does.Contain("Check your answers").And.Contain(">Save your answers</button>"));
        Assert.That(html, Does.Contain("href=\"/case/7?page=1#f-about-name\""));
        Assert.That(html, Does.Contain("Person 1: Who").And.Contain("Sam"));
        Assert.That(html, Does.Not.Contain("What worries you?"), "a question that does not apply is not listed");
        Assert.That(html, Does.Not.Contain("<input"), "answers are changed on their own pages");

        var welsh = Render(session, Parent with { Page = 8, Language = "cy" }, "plain");
        Assert.That(welsh, Does.Contain("Gwirio eich atebion").And.Contain(">Newid"));
    }

    [Test]
    public void Posting_a_page_changes_only_that_page_answers()
    {
        var session = Open("""{"about": {"name": "Jo", "worried": "no", "likes": ["red", "blue"]}}""");

        // Page 2 asks only whether the reader is worried; the colours on page 4 were not on it, so are untouched.
        var result = HtmlFormBinder.Bind(session, Post(("about.worried", "yes"), ("about.name", "Someone else")), Parent with { Page = 2 }, new RenderOptions { Mode = OutputMode.Form });

        Assert.That(result.Changed, Is.EqualTo(new[] { "about.worried" }));
        Assert.That(result.Ignored, Does.Contain("about.name"));
        Assert.That(session.ToJson()["about"]!.ToJsonString(), Is.EqualTo("""{"name":"Jo","worried":"yes","likes":["red","blue"]}"""));

        var check = HtmlFormBinder.Bind(session, Post(("about.name", "X")), Parent with { Page = 8 }, new RenderOptions { Mode = OutputMode.Form });
        Assert.That(check.Changed, Is.Empty, "the check-your-answers page has no fields");
    }

    [Test]
    public void Every_page_submitted_unchanged_keeps_every_answer()
    {
        var json = """{"about": {"name": "Jo", "worried": "yes", "why": "School", "likes": ["green"]}, "home": {"rooms": 4, "people": [{"who": "Sam"}], "pets": true, "pet_kind": "A cat"}}""";
        foreach (var theme in HtmlRenderer.Themes)
        {
            for (var page = 1; page <= 8; page++)
            {
                var session = Open(json);
                var before = session.ToJson().ToJsonString();
                var view = Parent with { Page = page };
                var html = Render(session, view, theme);
                Assert.That(FormPost.TryParseUrlEncoded(BrowserSubmission.Body(html), out var post, out _), Is.True);
                var result = HtmlFormBinder.Bind(session, post!, view, new RenderOptions { Mode = OutputMode.Form, Theme = theme });
                Assert.That(result.Changed, Is.Empty, $"{theme}, page {page}");
                Assert.That(session.ToJson().ToJsonString(), Is.EqualTo(before), $"{theme}, page {page}");
            }
        }
    }

    [TestCase("pages: questions", "`questions` is not a way to split a form into pages", "Did you mean `question`?")]
    [TestCase("pages: { carer: question }", "`carer` is not one of the template's audiences", "Audiences: practitioner, parent.")]
    [TestCase("pages: [question]", "`pages:` is one of `none`, `section`, `question`", "pages: { parent: question, practitioner: none }")]
    public void A_mistake_in_pages_is_reported_at_its_place(string pages, string message, string suggestion)
    {
        var result = FormTemplate.LoadFromText($"""
            id: t
            audiences: [practitioner, parent]
            {pages}
            sections:
              - id: s
                questions:
                  - {"{"} id: q, type: text {"}"}
            """);

        var error = result.Diagnostics.Single(d => d.IsError);
        Assert.That(error.Line, Is.EqualTo(3), error.ToString());
        Assert.That(error.Message, Does.Contain(message));
        Assert.That(error.Suggestion, Does.Contain(suggestion));
    }

    private static FormSession Open(string json) =>
        FormSession.Open(TestTemplates.Load(Template), JsonNode.Parse(json)!.AsObject(), new FormSessionOptions { Today = TestTemplates.Today });

    private static string Render(FormSession session, ViewOptions view, string theme) =>
        new HtmlRenderer().RenderToString(FormViewBuilder.Build(session, view), new RenderOptions { Mode = OutputMode.Form, Theme = theme, PageLinkFormat = "/case/7?page={0}" });

    private static FormPost Post(params (string Name, string Value)[] fields) =>
        FormPost.FromPairs(fields.Select(f => KeyValuePair.Create(f.Name, (string?)f.Value)));
}
