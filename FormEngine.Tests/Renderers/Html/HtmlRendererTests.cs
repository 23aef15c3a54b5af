using System.Text.Json.Nodes;
using System.Xml.Linq;
using FormEngine.Renderers;
using FormEngine.Renderers.Html;
using FormEngine.Views;

namespace FormEngine.Tests.Renderers.Html;

public class HtmlRendererTests
{
    private const string Answers = """
        {
          "child": { "dob": "2023-06-14", "name": "Leo", "has_disability": "yes" },
          "disability": { "types": ["COMM"], "communication_aids": "Makaton signs, a photo board and a tablet" },
          "household": { "members": [ { "name": "Sarah", "age": 29 }, { "name": "Mia", "age": 7, "school": "Greenfield" } ] }
        }
        """;

    private const string NoDisability = """{ "child": { "dob": "2023-06-14", "has_disability": "no" } }""";

    private static readonly string[] Themes = ["plain", "govuk"];

    private static IEnumerable<TestCaseData> EveryThemeAndMode() =>
        from theme in Themes from mode in Enum.GetValues<OutputMode>() select new TestCaseData(theme, mode);

    private static XDocument Render(string answers, OutputMode mode, string theme = "plain") =>
        HtmlTestForms.Parse(HtmlTestForms.Render(HtmlTestForms.View(answers), new RenderOptions { Mode = mode, Theme = theme, ShowErrors = true }));

    [Test]
    public void Describes_itself_as_html()
    {
        var renderer = new HtmlRenderer();
        Assert.That((renderer.Format, renderer.MediaType, renderer.FileExtension), Is.EqualTo(("html", "text/html", ".html")));
    }

    [TestCaseSource(nameof(EveryThemeAndMode))]
    public void Every_input_has_a_label_and_every_reference_resolves(string theme, OutputMode mode)
    {
        foreach (var answers in new[] { Answers, NoDisability, "{}" })
        {
            var document = Render(answers, mode, theme);
            var ids = document.Descendants().Select(e => e.Attr("id")).OfType<string>().ToList();
            Assert.That(ids, Is.Unique, "ids are unique");
            var labelled = document.All("label").Select(l => l.Attr("for")).OfType<string>().ToHashSet();
            // A hidden field is not shown, so it has no label to need.
            foreach (var input in document.All("input").Where(i => i.Attr("type") != "hidden").Concat(document.All("textarea")).Concat(document.All("select")))
            {
                Assert.That(labelled, Does.Contain(input.Attr("id")), $"a label for {input}");
                if (input.Attr("type") is "radio" or "checkbox")
                {
                    var fieldset = input.Ancestors("fieldset").FirstOrDefault();
                    Assert.That(fieldset?.Elements("legend").Count(), Is.EqualTo(1), $"a fieldset with a legend around {input}");
                }
            }

            foreach (var described in document.Descendants().Select(e => e.Attr("aria-describedby")).OfType<string>())
            {
                Assert.That(described.Split(' '), Is.SubsetOf(ids), "aria-describedby points at elements that exist");
            }

            foreach (var href in document.All("a").Select(a => a.Attr("href")).OfType<string>().Where(h => h.StartsWith('#')))
            {
                Assert.That(ids, Does.Contain(href[1..]), "in-page links resolve");
            }
        }
    }

    [TestCaseSource(nameof(EveryThemeAndMode))]
    public void Headings_start_at_one_h1_and_never_skip_a_level(string theme, OutputMode mode)
    {
        var document = Render(Answers, mode, theme);
        var levels = document.Descendants().Where(e => e.Name.LocalName is ['h', >= '1' and <= '6']).Select(e => e.Name.LocalName[1] - '0').ToList();
        Assert.That(levels.Count(l => l == 1), Is.EqualTo(1));
        Assert.That(levels[0], Is.EqualTo(1));
        for (var i = 1; i < levels.Count; i++)
        {
            Assert.That(levels[i], Is.LessThanOrEqualTo(levels[i - 1] + 1), $"heading {i} does not skip a level: {string.Join(",", levels)}");
        }

        Assert.That(document.Root!.Attr("lang"), Is.EqualTo("en-GB"));
        Assert.That(document.All("title").Single().Value, Does.Contain("Single assessment"));
    }

    [TestCase("plain")]
    [TestCase("govuk")]
    public void A_form_posts_each_answer_under_its_path_with_the_current_answers_filled_in(string theme)
    {
        var document = Render(Answers, OutputMode.Form, theme);
        var form = document.All("form").Single();
        Assert.That(form.Attr("method"), Is.EqualTo("post"));
        // The save button, a copy of it first (what Enter in a field presses), and each repeat item's and group's buttons.
        var buttons = document.All("button").ToList();
        Assert.That(buttons.Select(b => b.Attr("type")), Is.All.EqualTo("submit"));
        Assert.That(buttons.Where(b => b.Attr("name") is null).Select(b => b.Value), Is.EqualTo(new[] { "Save and continue", "Save and continue" }));
        Assert.That(buttons.Where(b => b.Attr("name") is not null).Select(b => (b.Attr("name"), b.Attr("value"))), Is.EqualTo(new[]
        {
            ("_remove", "household.members[0]"), ("_remove", "household.members[1]"), ("_add", "household.members"),
        }));
        XElement Field(string name) => document.All("input").Concat(document.All("textarea")).First(i => i.Attr("name") == name);
        Assert.That(Field("child.name").Attr("value"), Is.EqualTo("Leo"));
        Assert.That(Field("household.members[0].name").Attr("value"), Is.EqualTo("Sarah"));
        Assert.That(Field("household.members[1].age").Attr("value"), Is.EqualTo("7"));
        Assert.That(Field("household.members[1].age").Attr("inputmode"), Is.EqualTo("decimal"));
        Assert.That(Field("disability.communication_aids").Attr("aria-invalid"), Is.EqualTo("true"));
        var types = document.All("input").Where(i => i.Attr("name") == "disability.types").ToList();
        Assert.That(types.Select(t => t.Attr("type")), Is.All.EqualTo("checkbox"));
        Assert.That(types.Where(t => t.Attr("checked") is not null).Select(t => t.Attr("value")), Is.EqualTo(new[] { "COMM" }));
        Assert.That(document.All("input").Where(i => i.Attr("name") == "child.has_disability" && i.Attr("checked") is not null).Select(i => i.Attr("value")), Is.EqualTo(new[] { "yes" }));
        if (theme == "plain")
        {
            Assert.That(Field("child.dob").Attr("type"), Is.EqualTo("date"));
            Assert.That(Field("child.dob").Attr("value"), Is.EqualTo("2023-06-14"));
        }
        else
        {
            Assert.That((Field("child.dob-day").Attr("value"), Field("child.dob-month").Attr("value"), Field("child.dob-year").Attr("value")), Is.EqualTo(("14", "6", "2023")));
        }

        var dob = Field(theme == "plain" ? "child.dob" : "child.dob-day");
        Assert.That(dob.Attr("required") is not null || dob.Ancestors("fieldset").Any(), Is.True);
        if (theme == "plain")
        {
            Assert.That(document.Root!.ToString(), Does.Contain("(required)"), "required is said in words, not colour alone");
        }
        else
        {
            // The GOV.UK design system marks the questions that may be left out, and nothing on the others.
            Assert.That(document.Root!.ToString(), Does.Contain("(optional)").And.Not.Contain("(required)"));
        }
    }

    [TestCase("plain")]
    [TestCase("govuk")]
    public void Errors_are_summarised_at_the_top_with_links_to_their_fields(string theme)
    {
        var document = Render(Answers, OutputMode.Form, theme);
        var summary = document.Descendants().Single(e => e.Attr("role") == "alert");
        if (theme == "plain")
        {
            Assert.That(summary.Attr("tabindex"), Is.EqualTo("-1"));
        }
        else
        {
            // GOV.UK Frontend 5 and later: the alert sits inside the component, whose script moves focus to it.
            Assert.That(summary.Parent!.Attr("data-module"), Is.EqualTo("govuk-error-summary"));
        }

        Assert.That(summary.Descendants("h2").Single().Value, Is.EqualTo("There is a problem"));
        var link = summary.Descendants("a").Single(a => a.Value == "Keep this under 20 characters.");
        Assert.That(link.Attr("href"), Is.EqualTo("#" + HtmlText.FieldId("disability.communication_aids")));
        var field = document.Descendants().Single(e => e.Attr("id") == link.Attr("href")![1..]);
        Assert.That(field.Name.LocalName, Is.EqualTo("input"));
        var error = document.Descendants().Single(e => e.Attr("id") == field.Attr("aria-describedby")!.Split(' ').Last());
        Assert.That(error.Value, Does.Contain("Keep this under 20 characters."));
    }

    [Test]
    public void A_record_leaves_out_hidden_questions_and_an_audit_marks_them_not_applicable_with_the_rule()
    {
        var record = Render(NoDisability, OutputMode.Record);
        Assert.That(record.Root!.Value, Does.Not.Contain("Type of disability"));
        Assert.That(record.All("dt").Select(d => d.Value), Does.Contain("Date of birth"));
        Assert.That(record.Root!.Value, Does.Contain("Not answered"));

        var audit = Render(NoDisability, OutputMode.Audit);
        var section = audit.All("section").Single(s => s.Attr("id") == "f-disability");
        Assert.That(section.Element("h2")!.Value, Does.Contain("Not applicable"));
        var reasons = section.Descendants().Where(e => e.Value.StartsWith("Not applicable: ", StringComparison.Ordinal) && e.Name.LocalName == "p").ToList();
        Assert.That(reasons, Has.Count.EqualTo(1), "only the section, whose own rule hides it, carries the reason");
        Assert.That(reasons[0].Value, Does.Contain("child.has_disability = 'yes'").And.Contains("is false"));
        Assert.That(section.Value, Does.Contain("Type of disability"));
    }

    [TestCase("plain")]
    [TestCase("govuk")]
    public void A_blank_form_writes_out_routing_and_empty_repeat_items(string theme)
    {
        var document = Render("{}", OutputMode.Blank, theme);
        Assert.That(document.All("input"), Is.Empty);
        Assert.That(document.Root!.Value, Does.Contain("Answer this section only if"));
        Assert.That(document.All("h4").Count(h => h.Value.StartsWith("members", StringComparison.Ordinal)), Is.EqualTo(ModeRules.BlankRepeatItems));
    }

    [Test]
    public void Carried_forward_answers_are_marked()
    {
        var session = TestTemplates.Open("{}", previousJson: """{ "child": { "dob": "2023-06-14", "name": "Leo" } }""");
        var html = HtmlTestForms.Render(FormViewBuilder.Build(session), new RenderOptions());
        Assert.That(html, Does.Contain("carried forward from the previous assessment"));
    }

    [TestCaseSource(nameof(EveryThemeAndMode))]
    public void The_same_input_gives_the_same_bytes(string theme, OutputMode mode)
    {
        var options = new RenderOptions { Mode = mode, Theme = theme, CaseReference = "CIN-1" };
        var first = new HtmlRenderer().RenderToString(HtmlTestForms.View(Answers), options);
        var second = new HtmlRenderer().RenderToString(HtmlTestForms.View(Answers), options);
        Assert.That(second, Is.EqualTo(first));
        Assert.That(first, Does.Not.Contain("\r"));
    }

    [Test]
    public void Header_has_protective_marking_top_and_bottom_case_reference_and_document_date()
    {
        var html = HtmlTestForms.Render(HtmlTestForms.View(Answers), new RenderOptions { ProtectiveMarking = "OFFICIAL-SENSITIVE", CaseReference = "CIN-9", DocumentDate = new DateOnly(2026, 12, 1) });
        Assert.That(html.Split("OFFICIAL-SENSITIVE").Length - 1, Is.EqualTo(2));
        Assert.That(html, Does.Contain("CIN-9").And.Contain("1 December 2026").And.Contain("<meta charset=\"utf-8\" />"));
    }

    [Test]
    public void An_unknown_theme_is_refused() =>
        Assert.That(() => new HtmlRenderer().RenderToString(HtmlTestForms.View(), new RenderOptions { Theme = "pink" }),
            Throws.ArgumentException.With.Message.Contains("govuk, plain"));
}
