using System.Text.Json.Nodes;
using FormEngine.Evaluation;
using FormEngine.Renderers;
using FormEngine.Renderers.Html;
using FormEngine.Views;

namespace FormEngine.Tests.Renderers.Html;

/// <summary>Posted fields become answers of the right kind; what cannot be read is kept and reported; nothing off the page changes.</summary>
public class HtmlFormBinderTests
{
    private const string Everything = """
        id: everything
        title: Every kind of question
        audiences: [practitioner, parent]
        sensitivity:
          third_party: { label: third-party information, audiences: [practitioner] }
        choices:
          colours: [red, green, blue]
        sections:
          - id: s
            title: Questions
            questions:
              - { id: name, type: text, label: Name }
              - { id: story, type: textarea, label: Story }
              - { id: age, type: number, label: Age }
              - { id: dob, type: date, label: Date of birth }
              - { id: agrees, type: boolean, label: Agrees }
              - { id: colour, type: choice, choices: colours, label: Colour }
              - { id: likes, type: multichoice, choices: colours, label: Likes }
              - { id: later, type: text, label: Later, show_if: s.agrees = true }
              - id: people
                type: repeat
                max_items: 2
                questions:
                  - { id: who, type: text, label: Who }
          - id: other
            title: Another parent
            sensitivity: third_party
            questions:
              - { id: notes, type: text, label: Notes }
        """;

    private static readonly RenderOptions Plain = new() { Mode = OutputMode.Form };
    private static readonly RenderOptions GovUk = new() { Mode = OutputMode.Form, Theme = "govuk" };
    private static readonly ViewOptions Practitioner = new() { Audience = "practitioner" };

    [Test]
    public void Each_kind_of_question_gets_its_kind_of_answer_and_text_is_trimmed()
    {
        var session = Open("{}");
        var result = Bind(session, Plain, ("s.name", "  Sam  "), ("s.story", " line one\r\nline two \r\n"), ("s.age", " 1,200.5 "), ("s.dob", "2017-03-02"),
            ("s.agrees", "true"), ("s.colour", "green"), ("s.likes", "blue"), ("s.likes", "red"), ("_shown", "s.likes"));

        Assert.That(result.Problems, Is.Empty);
        Assert.That(Json(session)["s"]!.ToJsonString(), Is.EqualTo("""{"name":"Sam","story":"line one\nline two","age":1200.5,"dob":"2017-03-02","agrees":true,"colour":"green","likes":["red","blue"]}"""));
        Assert.That(result.Changed, Is.EqualTo(new[] { "s.name", "s.story", "s.age", "s.dob", "s.agrees", "s.colour", "s.likes" }));
    }

    [Test]
    public void Govuk_date_boxes_become_a_date_and_an_unchanged_submit_keeps_it()
    {
        var session = Open("{}");
        Bind(session, GovUk, ("s.dob-day", "2"), ("s.dob-month", "03"), ("s.dob-year", "2017"));
        Assert.That(Json(session)["s"]!["dob"]!.GetValue<string>(), Is.EqualTo("2017-03-02"));

        var unchanged = Bind(session, GovUk, ("s.dob-day", "2"), ("s.dob-month", "3"), ("s.dob-year", "2017"));
        Assert.That(unchanged.Changed, Is.Empty);
        Assert.That(Json(session)["s"]!["dob"]!.GetValue<string>(), Is.EqualTo("2017-03-02"));
    }

    [TestCase("30", "2", "2026", "30/2/2026")]
    [TestCase("1", "1", "26", "1/1/26")]
    [TestCase("", "", "2026", "//2026")]
    public void A_date_that_does_not_exist_is_kept_as_typed_and_reported(string day, string month, string year, string entered)
    {
        var session = Open("{}");
        var result = Bind(session, GovUk, ("s.dob-day", day), ("s.dob-month", month), ("s.dob-year", year));

        Assert.That(result.Problems.Single(), Is.EqualTo(new FieldProblem("FEA0002", "s.dob", $"Enter a real date, not `{entered}`.", entered)));
        Assert.That(session.GetAnswer("s.dob").IsNull, Is.True, "never stored as a date");
        var html = new HtmlRenderer().RenderToString(FormViewBuilder.Build(session, Practitioner), GovUk);
        Assert.That(html, Does.Contain($"name=\"s.dob-year\" type=\"text\" inputmode=\"numeric\" value=\"{year}\""), "the boxes show what was typed");

        // Submitting the page again as shown leaves what was typed alone.
        var again = Bind(session, GovUk, ("s.dob-day", day), ("s.dob-month", month), ("s.dob-year", year));
        Assert.That(again.Changed, Is.Empty);
    }

    [Test]
    public void A_number_that_is_not_a_number_is_kept_as_typed_and_reported()
    {
        var session = Open("{}");
        var result = Bind(session, Plain, ("s.age", "ten"), ("s.dob", "2017-02-30"));

        Assert.That(result.Problems.Select(p => (p.Path, p.Message, p.Entered)), Is.EqualTo(new[]
        {
            ("s.age", "Enter a number, not `ten`.", "ten"),
            ("s.dob", "Enter a real date, not `2017-02-30`.", "2017-02-30"),
        }));
        Assert.That(Json(session)["s"]!.ToJsonString(), Is.EqualTo("""{"age":"ten","dob":"2017-02-30"}"""));
        Assert.That(session.AnswerIssues().Select(i => i.Path), Is.EqualTo(new[] { "s.age", "s.dob" }));
    }

    [Test]
    public void An_unticked_checkbox_list_on_the_page_clears_its_answer_but_a_list_not_posted_is_untouched()
    {
        var session = Open("""{"s": {"likes": ["red"], "colour": "red", "agrees": true}}""");
        var absent = Bind(session, Plain);
        Assert.That(absent.Changed, Is.Empty, "nothing was posted for them, not even that they were on the page");

        var cleared = Bind(session, Plain, ("_shown", "s.likes"), ("_shown", "s.colour"), ("_shown", "s.agrees"));
        Assert.That(cleared.Changed, Is.EqualTo(new[] { "s.agrees", "s.colour", "s.likes" }));
        Assert.That(Json(session)["s"]!.ToJsonString(), Is.EqualTo("""{"likes":null,"colour":null,"agrees":null}"""));
    }

    [Test]
    public void Repeat_items_are_added_and_removed_by_the_buttons_the_renderer_writes()
    {
        var session = Open("""{"s": {"people": [{"who": "Ann"}, {"who": "Bo"}]}}""");
        var html = new HtmlRenderer().RenderToString(FormViewBuilder.Build(session, Practitioner), Plain);
        Assert.That(html, Does.Contain("name=\"_remove\" value=\"s.people[1]\"").And.Contain("name=\"_add\" value=\"s.people\""));

        var removed = Bind(session, Plain, ("s.people[0].who", "Ann"), ("s.people[1].who", "Bob"), ("_remove", "s.people[0]"));
        Assert.That(removed.Changed, Is.EqualTo(new[] { "s.people[1].who", "s.people[0]" }));
        Assert.That(Json(session)["s"]!["people"]!.ToJsonString(), Is.EqualTo("""[{"who":"Bob"}]"""), "what was typed in the other item is kept");

        Bind(session, Plain, ("_add", "s.people"));
        Assert.That(session.ItemCount("s.people"), Is.EqualTo(2));
        var full = Bind(session, Plain, ("_add", "s.people"));
        Assert.That(session.ItemCount("s.people"), Is.EqualTo(2), "max_items is 2");
        Assert.That(full.Problems.Single().Message, Is.EqualTo("No more than 2 item(s) can be added."));
    }

    [TestCase("_remove", "s.people[-1]")]
    [TestCase("_remove", "s.people[99999999]")]
    [TestCase("_remove", "s.people[99999999999999999999]")]
    [TestCase("_remove", "s.people")]
    [TestCase("_add", "s.name")]
    [TestCase("_add", "other.people")]
    [TestCase("s.people[99999999].who", "x")]
    [TestCase("s.people[-1].who", "x")]
    [TestCase("s..name", "x")]
    [TestCase("[[[", "x")]
    [TestCase("", "")]
    public void Junk_names_and_indexes_change_nothing(string name, string value)
    {
        var session = Open("""{"s": {"name": "Sam", "people": [{"who": "Ann"}]}}""");
        var before = Json(session).ToJsonString();
        var result = Bind(session, Plain, (name, value));

        Assert.That(Json(session).ToJsonString(), Is.EqualTo(before));
        Assert.That(result.Changed, Is.Empty);
    }

    [Test]
    public void A_field_sent_twice_is_reported_and_its_answer_left_alone()
    {
        var session = Open("""{"s": {"name": "Sam", "colour": "red"}}""");
        var result = Bind(session, Plain, ("s.name", "A"), ("s.name", "B"), ("s.colour", "blue"), ("s.colour", "green"), ("_add", "s.people"), ("_add", "s.people"));

        Assert.That(result.Problems.Select(p => p.Path), Is.EqualTo(new[] { "s.name", "s.colour" }));
        Assert.That(Json(session)["s"]!.ToJsonString(), Is.EqualTo("""{"name":"Sam","colour":"red"}"""));
    }

    [Test]
    public void A_choice_the_page_does_not_offer_is_reported_and_not_stored()
    {
        var session = Open("""{"s": {"colour": "red", "likes": ["red"]}}""");
        var result = Bind(session, Plain, ("s.colour", "purple"), ("s.likes", "red"), ("s.likes", "purple"), ("s.agrees", "maybe"));

        Assert.That(result.Problems.Select(p => (p.Code, p.Path, p.Entered)), Is.EqualTo(new[] { ("FEA0004", "s.agrees", "maybe"), ("FEA0004", "s.colour", "purple"), ("FEA0004", "s.likes", "purple") }));
        Assert.That(Json(session)["s"]!.ToJsonString(), Is.EqualTo("""{"colour":"red","likes":["red"]}"""));
    }

    [Test]
    public void An_answer_the_page_cannot_show_survives_an_unchanged_submit()
    {
        // "purple" is not a choice (the list changed since it was given), and 12 is not a date.
        var session = Open("""{"s": {"colour": "purple", "likes": ["red", "purple"], "dob": 12}}""");
        var html = new HtmlRenderer().RenderToString(FormViewBuilder.Build(session, Practitioner), Plain);
        Assert.That(FormPost.TryParseUrlEncoded(BrowserSubmission.Body(html), out var post, out _), Is.True);

        var result = HtmlFormBinder.Bind(session, post!, Practitioner, Plain);
        Assert.That(result.Changed, Is.Empty);
        Assert.That(Json(session)["s"]!.ToJsonString(), Is.EqualTo("""{"colour":"purple","likes":["red","purple"],"dob":12}"""));
    }

    [Test]
    public void Hidden_questions_are_untouched_whatever_is_posted()
    {
        var session = Open("""{"s": {"later": "kept"}}""");
        var result = Bind(session, Plain, ("s.later", "changed"));

        Assert.That(Json(session)["s"]!["later"]!.GetValue<string>(), Is.EqualTo("kept"));
        Assert.That(result.Ignored, Is.EqualTo(new[] { "s.later" }));
    }

    [Test]
    public void A_parent_posting_a_third_party_field_changes_nothing()
    {
        var session = Open("""{"other": {"notes": "SECRET"}}""");
        var parent = new ViewOptions { Audience = "parent" };
        var result = HtmlFormBinder.Bind(session, Post(("other.notes", "overwritten"), ("s.name", "Sam")), parent, Plain);

        Assert.That(Json(session).ToJsonString(), Is.EqualTo("""{"other":{"notes":"SECRET"},"s":{"name":"Sam"}}"""));
        Assert.That(result.Ignored, Is.EqualTo(new[] { "other.notes" }));

        // The practitioner's page has the field, so the same post changes it there: the test above is not vacuous.
        HtmlFormBinder.Bind(session, Post(("other.notes", "changed")), Practitioner, Plain);
        Assert.That(Json(session)["other"]!["notes"]!.GetValue<string>(), Is.EqualTo("changed"));
    }

    [Test]
    public void A_new_form_opens_without_errors_unless_asked_to_show_them()
    {
        var session = TestTemplates.Open();
        var renderer = new HtmlRenderer();
        var first = renderer.RenderToString(FormViewBuilder.Build(session), Plain);
        var submitted = renderer.RenderToString(FormViewBuilder.Build(session), Plain with { ShowErrors = true });

        Assert.That(first, Does.Not.Contain("role=\"alert\"").And.Not.Contain("Answer this question.").And.Not.Contain("aria-invalid"));
        Assert.That(submitted, Does.Contain("role=\"alert\"").And.Contain("Answer this question.").And.Contain("aria-invalid"));
    }

    [TestCase("a=1&b=x+y&b=%C3%A9&c&&d=", "a=1|b=x y,é|c=|d=")]
    [TestCase("", "")]
    [TestCase("s.likes=red&s.likes=blue", "s.likes=red,blue")]
    [TestCase("n%5B0%5D=%2B", "n[0]=+")]
    public void Url_encoded_bodies_are_read(string body, string expected)
    {
        Assert.That(FormPost.TryParseUrlEncoded(body, out var post, out var error), Is.True, error);
        Assert.That(string.Join('|', post!.Names.Select(n => n + "=" + string.Join(',', post.Values(n)))), Is.EqualTo(expected));
    }

    [TestCase("a=%", "`%` at character 3 is not an escape")]
    [TestCase("a=%zz", "`%zz` at character 3 is not an escape")]
    [TestCase("a=%C3", "is not UTF-8")]
    [TestCase("a=%FF%FE", "is not UTF-8")]
    public void Broken_bodies_are_refused_with_a_reason(string body, string reason)
    {
        Assert.That(FormPost.TryParseUrlEncoded(body, out var post, out var error), Is.False);
        Assert.That(post, Is.Null);
        Assert.That(error, Does.Contain(reason));
    }

    private static FormSession Open(string answers) => TestTemplates.Open(answers, Everything);

    // The answers alone: which template made them (`$template`) is the session's business, tested with it.
    private static JsonObject Json(FormSession session)
    {
        var json = session.ToJson();
        json.Remove("$template");
        return json;
    }

    private static FormBindResult Bind(FormSession session, RenderOptions options, params (string Name, string Value)[] fields) =>
        HtmlFormBinder.Bind(session, Post(fields), Practitioner, options);

    private static FormPost Post(params (string Name, string Value)[] fields) =>
        FormPost.FromPairs(fields.Select(f => KeyValuePair.Create(f.Name, (string?)f.Value)));
}
